using System.Text;

namespace Req2Nix.Inputs.Requirements;

/// <summary>The Unicode encodings with Python's <c>errors="strict"</c>: invalid bytes throw instead of becoming U+FFFD.</summary>
internal static class StrictEncodings
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictAscii =
        Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static Encoding Utf8() => StrictUtf8;

    public static Encoding Ascii() => StrictAscii;

    public static Encoding Utf16(bool bigEndian) => new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);

    public static Encoding Utf32(bool bigEndian) => new UTF32Encoding(bigEndian, byteOrderMark: false, throwOnInvalidCharacters: true);
}
