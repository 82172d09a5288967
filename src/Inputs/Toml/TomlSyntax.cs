using System.Buffers;
using System.Text;

namespace Req2Nix.Inputs.Toml;

/// <summary>Byte classes of the TOML 1.0 grammar, over UTF-8.</summary>
internal static class TomlSyntax
{
    /// <summary>Where a basic string (either kind) stops its fast scan: quote, backslash, any control character but tab.</summary>
    public static readonly SearchValues<byte> BasicStringStops = SearchValues.Create(ControlCharacters("\"\\"));

    /// <summary>Where a literal string (either kind) stops its fast scan: apostrophe, any control character but tab.</summary>
    public static readonly SearchValues<byte> LiteralStringStops = SearchValues.Create(ControlCharacters("'"));

    /// <summary>What ends or breaks a comment: newline, carriage return or another control character but tab.</summary>
    public static readonly SearchValues<byte> CommentStops = SearchValues.Create(ControlCharacters(""));

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsBareKeyByte(byte b) =>
        (uint)((b | 0x20) - 'a') <= 'z' - 'a' || IsDigit(b) || b is (byte)'-' or (byte)'_';

    /// <summary>Bytes that may form an unquoted scalar: booleans, numbers, inf and nan.</summary>
    public static bool IsScalarByte(byte b) => IsBareKeyByte(b) || b is (byte)'+' or (byte)'.';

    public static bool IsControl(byte b) => b < 0x20 || b == 0x7F;

    /// <summary>How many characters (scalar values) valid UTF-8 holds: its bytes minus continuation bytes.</summary>
    public static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = utf8.Length;
        var next = utf8.IndexOfAnyInRange((byte)0x80, (byte)0xBF);
        while (next >= 0)
        {
            count--;
            utf8 = utf8[(next + 1)..];
            next = utf8.IndexOfAnyInRange((byte)0x80, (byte)0xBF);
        }
        return count;
    }

    public static bool IsBareKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (c > 0x7F || !IsBareKeyByte((byte)c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How a message names the byte at the start of <paramref name="text"/>.</summary>
    public static string Describe(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return "the end of the file";
        }
        var b = text[0];
        if (b is (byte)'\n' or (byte)'\r')
        {
            return "the end of the line";
        }
        if (IsControl(b))
        {
            return $"control character U+{b:X4}";
        }
        if (b < 0x80)
        {
            return $"'{(char)b}'";
        }
        Rune.DecodeFromUtf8(text, out var rune, out _);
        return $"'{rune}' (U+{rune.Value:X4})";
    }

    private static byte[] ControlCharacters(string extra)
    {
        var bytes = new List<byte>(40);
        for (var b = 0; b < 0x20; b++)
        {
            if (b != '\t')
            {
                bytes.Add((byte)b);
            }
        }
        bytes.Add(0x7F);
        foreach (var c in extra)
        {
            bytes.Add((byte)c);
        }
        return [.. bytes];
    }
}
