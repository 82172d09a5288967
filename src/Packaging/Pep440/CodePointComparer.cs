namespace Req2Nix.Packaging.Pep440;

/// <summary>Orders strings by Unicode code points, as Python compares str (UTF-16 ordinal order differs above U+FFFF).</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return Rank(a) - Rank(b) < 0 ? -1 : 1;
            }
        }
        return x.Length.CompareTo(y.Length);
    }

    // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: move them above U+E000..U+FFFF.
    private static int Rank(char c) => c >= '\ud800' && c <= '\udfff' ? c + 0x10000 : c;
}
