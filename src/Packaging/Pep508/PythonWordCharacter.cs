using System.Globalization;
using System.Text;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// Python's <c>\w</c> on str patterns (letters, numbers and <c>_</c> of any script), which decides
/// where the word boundaries <c>\b</c> of packaging's tokenizer fall: <c>python_versionx</c> is
/// no variable, and neither is <c>python_versioné</c>.
/// </summary>
internal static class PythonWordCharacter
{
    /// <summary>Whether a word boundary lies before <paramref name="index"/> (0 … length).</summary>
    public static bool IsBoundary(ReadOnlySpan<char> text, int index) => IsWordBefore(text, index) != IsWordAt(text, index);

    private static bool IsWordAt(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return false;
        }
        var c = text[index];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }
        return Rune.DecodeFromUtf16(text[index..], out var rune, out _) == System.Buffers.OperationStatus.Done && IsWord(rune);
    }

    private static bool IsWordBefore(ReadOnlySpan<char> text, int index)
    {
        if (index <= 0)
        {
            return false;
        }
        var c = text[index - 1];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }
        return Rune.DecodeLastFromUtf16(text[..index], out var rune, out _) == System.Buffers.OperationStatus.Done && IsWord(rune);
    }

    private static bool IsWord(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.ConnectorPunctuation => rune.Value == '_',
        _ => false,
    };
}
