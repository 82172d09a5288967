namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Python's <c>str.splitlines()</c> line boundaries: <c>\n</c>, <c>\r</c>, <c>\r\n</c>, <c>\v</c>,
/// <c>\f</c>, U+001C..U+001E, U+0085, U+2028 and U+2029. pip numbers a file's lines by them.
/// </summary>
/// <remarks>
/// A plain loop, not <c>SearchValues</c>: with two non-ASCII breaks that would be the probabilistic
/// search, whose vector code is compiled at run time — 10 ms of every start for files of a few lines.
/// </remarks>
internal static class PythonLines
{
    /// <summary>
    /// Finds the first line break at or after <paramref name="position"/>: <paramref name="breakStart"/>
    /// is where it starts, <paramref name="breakEnd"/> where the next line starts.
    /// </summary>
    public static bool NextBreak(ReadOnlySpan<char> text, int position, out int breakStart, out int breakEnd)
    {
        var found = position;
        while (found < text.Length && !IsBreak(text[found]))
        {
            found++;
        }
        if (found == text.Length)
        {
            breakStart = breakEnd = text.Length;
            return false;
        }
        breakStart = found;
        breakEnd = breakStart + 1;
        if (text[breakStart] == '\r' && breakEnd < text.Length && text[breakEnd] == '\n')
        {
            breakEnd++;
        }
        return true;
    }

    private static bool IsBreak(char c) =>
        c <= '\u001e' ? c is (>= '\n' and <= '\r') or (>= '\u001c' and <= '\u001e') : c is '\u0085' or '\u2028' or '\u2029';
}
