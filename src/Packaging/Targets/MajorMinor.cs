namespace Req2Nix.Packaging.Targets;

/// <summary>Reads the <c>major.minor</c> text that Python, glibc and macOS versions share here.</summary>
internal static class MajorMinor
{
    /// <summary>Splits <c>3.11</c> into 3 and 11; returns the zero-based index of the problem, or -1.</summary>
    public static int Read(ReadOnlySpan<char> text, out int major, out int minor)
    {
        major = minor = 0;
        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            return text.Length;
        }
        var bad = ReadNumber(text[..dot], out major);
        if (bad >= 0)
        {
            return bad;
        }
        bad = ReadNumber(text[(dot + 1)..], out minor);
        return bad >= 0 ? dot + 1 + bad : -1;
    }

    public static InvalidTargetException Error(ReadOnlySpan<char> text, int index, string what) =>
        new($"'{text}' is not a {what} version; expected major.minor, such as {Example(what)}", index + 1);

    private static int ReadNumber(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return 0;
        }
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]) || value > 100_000)
            {
                return i;
            }
            value = (value * 10) + (digits[i] - '0');
        }
        return -1;
    }

    private static string Example(string what) => what switch
    {
        "Python" => "3.11",
        "glibc" => "2.40",
        _ => "11.0",
    };
}
