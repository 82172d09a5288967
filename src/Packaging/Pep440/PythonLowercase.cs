using System.Buffers;
using System.Globalization;
using System.Text;

namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// Python's <c>str.lower()</c>, which <c>===</c> uses to compare version strings: the Unicode
/// default lowercase mapping, i.e. the simple mapping plus the one unconditional special case
/// (U+0130 → "i̇") and the Final_Sigma rule for U+03A3.
/// </summary>
internal static class PythonLowercase
{
    private const char CapitalSigma = '\u03a3';
    private const char DottedCapitalI = '\u0130';

    public static string Lower(ReadOnlySpan<char> text)
    {
        if (IsAscii(text))
        {
            return string.Create(text.Length, text.ToString(), static (span, source) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = ToLowerAscii(source[i]);
                }
            });
        }

        var builder = new StringBuilder(text.Length + 4);
        Span<char> buffer = stackalloc char[2];
        var i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                builder.Append(text[i]);
                i++;
                continue;
            }
            if (rune.Value == DottedCapitalI)
            {
                builder.Append("i\u0307");
            }
            else if (rune.Value == CapitalSigma)
            {
                builder.Append(IsFinalSigma(text, i) ? '\u03c2' : '\u03c3');
            }
            else
            {
                var lower = Rune.ToLowerInvariant(rune);
                builder.Append(buffer[..lower.EncodeToUtf16(buffer)]);
            }
            i += consumed;
        }
        return builder.ToString();
    }

    /// <summary>Whether <c>candidate.lower() == lowered</c>, without allocating for ASCII input.</summary>
    public static bool LowerEquals(ReadOnlySpan<char> candidate, string lowered)
    {
        if (!IsAscii(candidate))
        {
            return Lower(candidate) == lowered;
        }
        if (candidate.Length != lowered.Length)
        {
            return false;
        }
        for (var i = 0; i < candidate.Length; i++)
        {
            if (ToLowerAscii(candidate[i]) != lowered[i])
            {
                return false;
            }
        }
        return true;
    }

    private static char ToLowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    private static bool IsAscii(ReadOnlySpan<char> text) => System.Text.Ascii.IsValid(text);

    // CPython's handle_capital_sigma: final when a cased letter precedes (skipping case-ignorable
    // characters) and none follows.
    private static bool IsFinalSigma(ReadOnlySpan<char> text, int index)
    {
        var j = index - 1;
        while (j >= 0 && IsCaseIgnorable(text[j]))
        {
            j--;
        }
        if (j < 0 || !IsCased(text[j]))
        {
            return false;
        }
        j = index + 1;
        while (j < text.Length && IsCaseIgnorable(text[j]))
        {
            j++;
        }
        return j == text.Length || !IsCased(text[j]);
    }

    private static bool IsCased(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '\u00b7' or '\u0387' or '\u2018' or '\u2019' or '\u2024' or '\u2027'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
