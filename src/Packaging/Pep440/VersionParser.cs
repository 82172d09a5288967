using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Pep440;

/// <summary>Where the parts of a parsed version text are, for callers that restrict them (specifiers).</summary>
internal readonly record struct VersionLayout(int ReleaseCount, int ReleaseEnd, bool HasSuffix, int LocalStart);

/// <summary>
/// A hand-written, allocation-light equivalent of packaging's VERSION_PATTERN, matched left to
/// right the way its possessive groups are: each optional part (pre, post, dev, local) either
/// matches as far as it can or is absent. ASCII only; letters are case-insensitive.
/// </summary>
internal static class VersionParser
{
    private const ulong LastSafeValue = ulong.MaxValue / 10;
    private const int LastSafeDigit = (int)(ulong.MaxValue % 10);

    // In the order of packaging's alternations: the first that matches wins ("alpha" before "a").
    private static readonly (string Word, PreReleaseKind Kind)[] PreReleaseWords =
    [
        ("alpha", PreReleaseKind.Alpha),
        ("a", PreReleaseKind.Alpha),
        ("beta", PreReleaseKind.Beta),
        ("b", PreReleaseKind.Beta),
        ("preview", PreReleaseKind.ReleaseCandidate),
        ("pre", PreReleaseKind.ReleaseCandidate),
        ("c", PreReleaseKind.ReleaseCandidate),
        ("rc", PreReleaseKind.ReleaseCandidate),
    ];

    private static readonly string[] PostReleaseWords = ["post", "rev", "r"];

    /// <summary>packaging's <c>Version(text)</c>: whitespace is allowed around the version.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out Pep440Version? version, out VersionSyntaxError error)
    {
        if (TryParsePlainRelease(text, out version))
        {
            error = default;
            return true;
        }
        var start = PythonWhitespace.SkipLeading(text);
        var end = PythonWhitespace.TrimTrailing(text, start);
        if (start == end)
        {
            version = null;
            error = new VersionSyntaxError(VersionErrorKind.Empty, start == text.Length ? 0 : start);
            return false;
        }
        var parsed = TryParseExact(text[start..end], out version, out _, out error);
        if (!parsed)
        {
            error = error with { Offset = error.Offset + start };
        }
        return parsed;
    }

    /// <summary>Parses a version that fills <paramref name="text"/> exactly (no whitespace around it).</summary>
    public static bool TryParseExact(
        ReadOnlySpan<char> text,
        [NotNullWhen(true)] out Pep440Version? version,
        out VersionLayout layout,
        out VersionSyntaxError error)
    {
        version = null;
        layout = default;
        if (text.IsEmpty)
        {
            error = new VersionSyntaxError(VersionErrorKind.Empty, 0);
            return false;
        }

        var release = default(ReleaseBuilder);
        var i = 0;
        if ((text[0] | 0x20) == 'v')
        {
            i++;
        }
        if (!TryReadNumber(text, ref i, out var first, out error, VersionErrorKind.ExpectedRelease))
        {
            return false;
        }
        ulong epoch = 0;
        if (i < text.Length && text[i] == '!')
        {
            epoch = first;
            i++;
            if (!TryReadNumber(text, ref i, out first, out error, VersionErrorKind.ExpectedReleaseAfterEpoch))
            {
                return false;
            }
        }
        release.Add(first);
        while (i + 1 < text.Length && text[i] == '.' && IsDigit(text[i + 1]))
        {
            i++;
            if (!TryReadNumber(text, ref i, out var component, out error, VersionErrorKind.ExpectedRelease))
            {
                return false;
            }
            release.Add(component);
        }
        var releaseEnd = i;

        PreRelease? pre = null;
        ulong? post = null;
        ulong? dev = null;
        if (!TryReadPre(text, ref i, ref pre, out error)
            || !TryReadPost(text, ref i, ref post, out error)
            || !TryReadDev(text, ref i, ref dev, out error))
        {
            return false;
        }

        var localStart = -1;
        string? local = null;
        if (i < text.Length && text[i] == '+')
        {
            localStart = i;
            i++;
            var labelStart = i;
            if (!IsAsciiLetterOrDigit(text, i))
            {
                error = new VersionSyntaxError(VersionErrorKind.ExpectedLocalLabel, i);
                return false;
            }
            while (true)
            {
                while (IsAsciiLetterOrDigit(text, i))
                {
                    i++;
                }
                if (i + 1 < text.Length && IsSeparator(text[i]) && IsAsciiLetterOrDigit(text, i + 1))
                {
                    i++;
                    continue;
                }
                break;
            }
            local = LocalLabel.Normalize(text[labelStart..i]);
        }

        if (i != text.Length)
        {
            error = new VersionSyntaxError(VersionErrorKind.UnexpectedCharacter, i);
            return false;
        }

        version = new Pep440Version(epoch, release.AsSpan(), pre, post, dev, local);
        layout = new VersionLayout(release.Count, releaseEnd, pre.HasValue || post.HasValue || dev.HasValue, localStart);
        error = default;
        return true;
    }

    /// <summary>
    /// The common case, <c>N(.N)*</c> with at most four numbers and nothing else, in one pass. Anything
    /// else (including what would be an error) is left to the full parser.
    /// </summary>
    private static bool TryParsePlainRelease(ReadOnlySpan<char> text, [NotNullWhen(true)] out Pep440Version? version)
    {
        version = null;
        var release = default(ShortRelease);
        var count = 0;
        ulong value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit <= 9)
            {
                if (!TryAppendDigit(ref value, digit))
                {
                    return false;
                }
                digits++;
            }
            else if (c == '.' && digits > 0 && count < ShortRelease.ShortLength - 1)
            {
                release[count++] = value;
                value = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        release[count++] = value;
        version = new Pep440Version(((ReadOnlySpan<ulong>)release)[..count]);
        return true;
    }

    // [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? [0-9]*
    private static bool TryReadPre(ReadOnlySpan<char> text, ref int i, ref PreRelease? pre, out VersionSyntaxError error)
    {
        error = default;
        var j = SkipSeparator(text, i);
        foreach (var (word, kind) in PreReleaseWords)
        {
            if (!MatchesWord(text, j, word))
            {
                continue;
            }
            j += word.Length;
            if (!TryReadOptionalNumber(text, ref j, out var number, out error))
            {
                return false;
            }
            pre = new PreRelease(kind, number);
            i = j;
            return true;
        }
        return true;
    }

    // -[0-9]+  |  [._-]? (post|rev|r) [._-]? [0-9]*
    private static bool TryReadPost(ReadOnlySpan<char> text, ref int i, ref ulong? post, out VersionSyntaxError error)
    {
        error = default;
        if (i + 1 < text.Length && text[i] == '-' && IsDigit(text[i + 1]))
        {
            var j = i + 1;
            if (!TryReadNumber(text, ref j, out var implicitNumber, out error, VersionErrorKind.ExpectedRelease))
            {
                return false;
            }
            post = implicitNumber;
            i = j;
            return true;
        }
        var k = SkipSeparator(text, i);
        var length = MatchedWordLength(text, k, PostReleaseWords);
        if (length == 0)
        {
            return true;
        }
        k += length;
        if (!TryReadOptionalNumber(text, ref k, out var number, out error))
        {
            return false;
        }
        post = number;
        i = k;
        return true;
    }

    // [._-]? dev [._-]? [0-9]*
    private static bool TryReadDev(ReadOnlySpan<char> text, ref int i, ref ulong? dev, out VersionSyntaxError error)
    {
        error = default;
        var j = SkipSeparator(text, i);
        if (!MatchesWord(text, j, "dev"))
        {
            return true;
        }
        j += 3;
        if (!TryReadOptionalNumber(text, ref j, out var number, out error))
        {
            return false;
        }
        dev = number;
        i = j;
        return true;
    }

    // [._-]? [0-9]*  (an absent number is 0)
    private static bool TryReadOptionalNumber(ReadOnlySpan<char> text, ref int i, out ulong number, out VersionSyntaxError error)
    {
        i = SkipSeparator(text, i);
        if (i < text.Length && IsDigit(text[i]))
        {
            return TryReadNumber(text, ref i, out number, out error, VersionErrorKind.ExpectedRelease);
        }
        number = 0;
        error = default;
        return true;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> text, ref int i, out ulong value, out VersionSyntaxError error, VersionErrorKind missing)
    {
        var start = i;
        value = 0;
        while (i < text.Length)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                break;
            }
            if (!TryAppendDigit(ref value, digit))
            {
                error = new VersionSyntaxError(VersionErrorKind.NumberTooLarge, start);
                return false;
            }
            i++;
        }
        if (i == start)
        {
            error = new VersionSyntaxError(missing, start);
            return false;
        }
        error = default;
        return true;
    }

    /// <summary><c>value * 10 + digit</c>, false when that exceeds <see cref="ulong.MaxValue"/>.</summary>
    private static bool TryAppendDigit(ref ulong value, int digit)
    {
        if (value >= LastSafeValue && (value > LastSafeValue || digit > LastSafeDigit))
        {
            return false;
        }
        value = (value * 10) + (uint)digit;
        return true;
    }

    private static int SkipSeparator(ReadOnlySpan<char> text, int i) => i < text.Length && IsSeparator(text[i]) ? i + 1 : i;

    private static int MatchedWordLength(ReadOnlySpan<char> text, int i, string[] lowerWords)
    {
        foreach (var word in lowerWords)
        {
            if (MatchesWord(text, i, word))
            {
                return word.Length;
            }
        }
        return 0;
    }

    private static bool MatchesWord(ReadOnlySpan<char> text, int i, string lowerWord)
    {
        if (i + lowerWord.Length > text.Length)
        {
            return false;
        }
        for (var k = 0; k < lowerWord.Length; k++)
        {
            if ((text[i + k] | 0x20) != lowerWord[k])
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsSeparator(char c) => c is '.' or '-' or '_';

    private static bool IsAsciiLetterOrDigit(ReadOnlySpan<char> text, int i) => i < text.Length && char.IsAsciiLetterOrDigit(text[i]);
}
