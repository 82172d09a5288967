using System.Text;

namespace Req2Nix.Packaging.Pep440;

/// <summary>Names a character of the input in an error message, readably even when it is invisible.</summary>
internal static class CharacterText
{
    public static string Describe(ReadOnlySpan<char> text, int offset)
    {
        if (offset >= text.Length)
        {
            return "end of text";
        }
        if (PythonWhitespace.Is(text[offset]))
        {
            return "whitespace";
        }
        if (Rune.DecodeFromUtf16(text[offset..], out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return $"U+{(int)text[offset]:X4}";
        }
        if (Rune.IsControl(rune))
        {
            return $"U+{rune.Value:X4}";
        }
        return rune.IsAscii ? $"'{rune}'" : $"'{rune}' (U+{rune.Value:X4}; versions are ASCII)";
    }
}
