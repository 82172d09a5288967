using System.Text;
using Req2Nix.Packaging.Text;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Python's <c>shlex.split(text)</c> (POSIX mode, no comments), which pip applies to the options
/// part of a line: words split on space, tab, CR and LF; <c>'…'</c> quotes literally; <c>"…"</c>
/// quotes with <c>\</c> escaping only <c>"</c> and <c>\</c>; <c>\</c> outside quotes escapes the next
/// character. Each word keeps the offset where it starts, for error positions; a word without quotes
/// or escapes is a slice of the line, not a new string.
/// </summary>
internal static class ShellWords
{
    private static readonly AsciiSet Whitespace = new(" \t\r\n");
    private static readonly AsciiSet WordEnds = new(" \t\r\n\\'\"");

    /// <summary>Splits <paramref name="line"/> from <paramref name="start"/> into <paramref name="words"/> (cleared first).</summary>
    public static void Split(string line, int start, List<ShellWord> words, out LineProblem? error)
    {
        words.Clear();
        StringBuilder? token = null;
        var i = start;
        error = null;
        while (true)
        {
            var skipped = Whitespace.IndexOfAnyExcept(line.AsSpan(i));
            if (skipped < 0)
            {
                return;
            }
            var wordStart = i += skipped;
            var end = WordEnds.IndexOfAny(line.AsSpan(i));
            i = end < 0 ? line.Length : i + end;
            if (i >= line.Length || IsWhitespace(line[i]))
            {
                words.Add(new ShellWord(line, wordStart, i - wordStart));
                continue;
            }
            token ??= new StringBuilder();
            token.Clear().Append(line, wordStart, i - wordStart);
            if (!TryReadQuoted(line, ref i, token, out error))
            {
                return;
            }
            words.Add(new ShellWord(token.ToString(), wordStart));
        }
    }

    /// <summary>Reads the rest of a word that has quotes or escapes into <paramref name="token"/>.</summary>
    private static bool TryReadQuoted(string text, ref int i, StringBuilder token, out LineProblem? error)
    {
        error = null;
        while (i < text.Length && !IsWhitespace(text[i]))
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    error = new LineProblem(i, "a '\\' at the end has nothing to escape");
                    return false;
                }
                token.Append(text[i + 1]);
                i += 2;
            }
            else if (c == '\'')
            {
                var close = text.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    error = new LineProblem(i, "this quote is never closed");
                    return false;
                }
                token.Append(text, i + 1, close - i - 1);
                i = close + 1;
            }
            else if (c == '"')
            {
                if (!TryReadDoubleQuoted(text, ref i, token, out error))
                {
                    return false;
                }
            }
            else
            {
                token.Append(c);
                i++;
            }
        }
        return true;
    }

    private static bool TryReadDoubleQuoted(string text, ref int i, StringBuilder token, out LineProblem? error)
    {
        error = null;
        var quote = i++;
        while (true)
        {
            if (i >= text.Length || (text[i] == '\\' && i + 1 >= text.Length))
            {
                error = new LineProblem(quote, "this quote is never closed");
                return false;
            }
            if (text[i] == '"')
            {
                i++;
                return true;
            }
            if (text[i] == '\\')
            {
                var escaped = text[i + 1];
                if (escaped != '"' && escaped != '\\')
                {
                    token.Append('\\');
                }
                token.Append(escaped);
                i += 2;
                continue;
            }
            token.Append(text[i]);
            i++;
        }
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}

/// <summary>
/// A word of a shell-split options string: a slice of the line (<see cref="Offset"/>, length) or,
/// when it had quotes or escapes, its unescaped text; <see cref="Offset"/> is where it starts in the line.
/// </summary>
internal readonly struct ShellWord
{
    private readonly string _source;
    private readonly int _start;

    public ShellWord(string line, int start, int length)
    {
        _source = line;
        _start = start;
        Length = length;
        Offset = start;
    }

    public ShellWord(string unescaped, int offset)
    {
        _source = unescaped;
        _start = 0;
        Length = unescaped.Length;
        Offset = offset;
    }

    public int Offset { get; }

    public int Length { get; }

    public ReadOnlySpan<char> Span => _source.AsSpan(_start, Length);

    /// <summary>The word from <paramref name="from"/> on, as a string.</summary>
    public string Text(int from = 0) =>
        from == 0 && _start == 0 && Length == _source.Length ? _source : _source.Substring(_start + from, Length - from);
}
