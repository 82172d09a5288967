using System.Buffers;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Python's <c>str.splitlines()</c> line boundaries: <c>\n</c>, <c>\r</c>, <c>\r\n</c>, <c>\v</c>,
/// <c>\f</c>, U+001C..U+001E, U+0085, U+2028 and U+2029. pip numbers a file's lines by them.
/// </summary>
internal static class PythonLines
{
    private static readonly SearchValues<char> Breaks =
        SearchValues.Create("\n\r\v\f\u001c\u001d\u001e\u0085\u2028\u2029");

    /// <summary>
    /// Finds the first line break at or after <paramref name="position"/>: <paramref name="breakStart"/>
    /// is where it starts, <paramref name="breakEnd"/> where the next line starts.
    /// </summary>
    public static bool NextBreak(ReadOnlySpan<char> text, int position, out int breakStart, out int breakEnd)
    {
        var found = text[position..].IndexOfAny(Breaks);
        if (found < 0)
        {
            breakStart = breakEnd = text.Length;
            return false;
        }
        breakStart = position + found;
        breakEnd = breakStart + 1;
        if (text[breakStart] == '\r' && breakEnd < text.Length && text[breakEnd] == '\n')
        {
            breakEnd++;
        }
        return true;
    }
}
