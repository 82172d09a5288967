namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// The whitespace that packaging's regular expressions (<c>\s</c> on str patterns) and
/// <c>str.strip()</c> accept around versions and specifiers: Python's <c>str.isspace()</c>.
/// It differs from <see cref="char.IsWhiteSpace(char)"/>: U+001C..U+001F are whitespace to Python.
/// </summary>
public static class PythonWhitespace
{
    public static bool Is(char c)
    {
        if (c <= ' ')
        {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085')
        {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
            || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /// <summary>The offset of the first character that is not whitespace, or <paramref name="text"/>'s length.</summary>
    public static int SkipLeading(ReadOnlySpan<char> text, int start = 0)
    {
        var i = start;
        while (i < text.Length && Is(text[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>The end of <paramref name="text"/> without trailing whitespace, not below <paramref name="floor"/>.</summary>
    public static int TrimTrailing(ReadOnlySpan<char> text, int floor = 0)
    {
        var end = text.Length;
        while (end > floor && Is(text[end - 1]))
        {
            end--;
        }
        return end;
    }

    public static int IndexOf(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Is(text[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
