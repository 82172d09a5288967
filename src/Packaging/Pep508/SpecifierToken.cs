using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// Where one version specifier clause ends inside a requirement. packaging's tokenizer finds
/// the clause with the specifier regular expression of its <c>Specifier</c> class, matched (not
/// full-matched) at the current position; everything after the operator is optional and tried in
/// order, so the first alternative that fits wins and nothing is backtracked. This reproduces that
/// extent exactly, so that <c>name==1.0.org1</c> stops after <c>==1.0</c> and <c>===x,y</c> runs
/// to the comma-containing end just as packaging's does. Validity of the clause is PEP 440's
/// business (<see cref="SpecifierSet.TryParse"/>).
/// </summary>
internal static class SpecifierToken
{
    private static readonly string[] PreReleaseSpellings = ["alpha", "beta", "preview", "pre", "a", "b", "c", "rc"];
    private static readonly string[] PostReleaseSpellings = ["post", "rev", "r"];

    /// <summary>The length of the clause at the start of <paramref name="text"/>, or 0 when none starts there.</summary>
    public static int Match(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("==="))
        {
            var i = SkipWhitespace(text, 3);
            while (i < text.Length && text[i] is not (';' or ')') && !PythonWhitespace.Is(text[i]))
            {
                i++;
            }
            return i;
        }
        if (text.StartsWith("==") || text.StartsWith("!="))
        {
            return MatchVersion(text, 2, minimumReleaseParts: 1, allowWildcardAndLocal: true);
        }
        if (text.StartsWith("~="))
        {
            return MatchVersion(text, 2, minimumReleaseParts: 2, allowWildcardAndLocal: false);
        }
        if (text.StartsWith("<=") || text.StartsWith(">="))
        {
            return MatchVersion(text, 2, minimumReleaseParts: 1, allowWildcardAndLocal: false);
        }
        if (text.StartsWith('<') || text.StartsWith('>'))
        {
            return MatchVersion(text, 1, minimumReleaseParts: 1, allowWildcardAndLocal: false);
        }
        return 0;
    }

    /// <summary>packaging's <c>VERSION_PREFIX_TRAIL</c>: <c>.*</c> right after a clause that cannot take it.</summary>
    public static bool IsPrefixTrail(ReadOnlySpan<char> rest) => rest.StartsWith(".*");

    /// <summary>packaging's <c>VERSION_LOCAL_LABEL_TRAIL</c>, <c>\+[a-z0-9]+([-_.][a-z0-9]+)*</c> (lower-case only).</summary>
    public static bool IsLocalLabelTrail(ReadOnlySpan<char> rest) =>
        rest.Length >= 2 && rest[0] == '+' && (char.IsAsciiLetterLower(rest[1]) || char.IsAsciiDigit(rest[1]));

    private static int MatchVersion(ReadOnlySpan<char> text, int operatorLength, int minimumReleaseParts, bool allowWildcardAndLocal)
    {
        var i = SkipWhitespace(text, operatorLength);
        if (i < text.Length && text[i] is 'v' or 'V')
        {
            i++;
        }
        i = SkipEpoch(text, i);
        var releaseEnd = MatchRelease(text, i, minimumReleaseParts);
        if (releaseEnd < 0)
        {
            return 0;
        }
        i = releaseEnd;
        if (allowWildcardAndLocal && text[i..].StartsWith(".*"))
        {
            return i + 2;
        }
        i = MatchPreRelease(text, i);
        i = MatchPostRelease(text, i);
        i = MatchDevRelease(text, i);
        if (allowWildcardAndLocal)
        {
            i = MatchLocal(text, i);
        }
        return i;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && PythonWhitespace.Is(text[i]))
        {
            i++;
        }
        return i;
    }

    // (?:[0-9]+!)?
    private static int SkipEpoch(ReadOnlySpan<char> text, int i)
    {
        var end = SkipDigits(text, i);
        return end > i && end < text.Length && text[end] == '!' ? end + 1 : i;
    }

    // [0-9]+(?:\.[0-9]+)* with at least minimumParts parts; -1 when absent.
    private static int MatchRelease(ReadOnlySpan<char> text, int i, int minimumParts)
    {
        var end = SkipDigits(text, i);
        if (end == i)
        {
            return -1;
        }
        var parts = 1;
        while (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            end = SkipDigits(text, end + 1);
            parts++;
        }
        return parts >= minimumParts ? end : -1;
    }

    // [-_.]?(alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*
    private static int MatchPreRelease(ReadOnlySpan<char> text, int i)
    {
        var j = SkipSeparator(text, i);
        var spelling = MatchSpelling(text, j, PreReleaseSpellings);
        return spelling == 0 ? i : SkipDigits(text, SkipSeparator(text, j + spelling));
    }

    // -[0-9]+ | [-_.]?(post|rev|r)[-_.]?[0-9]*
    private static int MatchPostRelease(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 < text.Length && text[i] == '-' && char.IsAsciiDigit(text[i + 1]))
        {
            return SkipDigits(text, i + 1);
        }
        var j = SkipSeparator(text, i);
        var spelling = MatchSpelling(text, j, PostReleaseSpellings);
        return spelling == 0 ? i : SkipDigits(text, SkipSeparator(text, j + spelling));
    }

    // [-_.]?dev[-_.]?[0-9]*
    private static int MatchDevRelease(ReadOnlySpan<char> text, int i)
    {
        var j = SkipSeparator(text, i);
        return j < text.Length && (text[j] | 0x20) == 'd' && text[j..].StartsWith("dev", StringComparison.OrdinalIgnoreCase)
            ? SkipDigits(text, SkipSeparator(text, j + 3))
            : i;
    }

    // \+[a-z0-9]+(?:[-_.][a-z0-9]+)*, case-insensitive
    private static int MatchLocal(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || text[i] != '+' || !char.IsAsciiLetterOrDigit(text[i + 1]))
        {
            return i;
        }
        var end = SkipAlphanumerics(text, i + 1);
        while (end + 1 < text.Length && text[end] is '-' or '_' or '.' && char.IsAsciiLetterOrDigit(text[end + 1]))
        {
            end = SkipAlphanumerics(text, end + 1);
        }
        return end;
    }

    // The first spelling that starts text[i..], ignoring ASCII case; its length, or 0.
    private static int MatchSpelling(ReadOnlySpan<char> text, int i, string[] spellings)
    {
        if (i >= text.Length)
        {
            return 0;
        }
        var first = (char)(text[i] | 0x20);
        var rest = text[i..];
        foreach (var spelling in spellings)
        {
            if (spelling[0] == first && rest.StartsWith(spelling, StringComparison.OrdinalIgnoreCase))
            {
                return spelling.Length;
            }
        }
        return 0;
    }

    private static int SkipSeparator(ReadOnlySpan<char> text, int i) => i < text.Length && text[i] is '-' or '_' or '.' ? i + 1 : i;

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        return i;
    }

    private static int SkipAlphanumerics(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }
        return i;
    }
}
