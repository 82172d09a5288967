using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// Reads a TOML 1.0.0 document into a <see cref="TomlTable"/>. Every problem, including invalid
/// UTF-8, is a <see cref="TomlException"/> whose message reads <c>source:line:column: reason</c>.
/// </summary>
public static class TomlReader
{
    /// <summary>
    /// How deep arrays and inline tables may nest. TOML sets no limit; this one keeps a hostile
    /// file from exhausting the stack and is far beyond what any real file needs.
    /// </summary>
    public const int MaxNesting = 200;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads UTF-8 bytes; a leading byte-order mark is skipped.</summary>
    /// <param name="sourceName">How positions name the source, e.g. <c>poetry.lock</c>; null for none.</param>
    public static TomlTable Parse(ReadOnlySpan<byte> utf8, string? sourceName = null)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        var invalidAt = FindInvalidUtf8(utf8);
        if (invalidAt >= 0)
        {
            throw new TomlException("the file is not valid UTF-8", PositionOf(utf8, invalidAt, sourceName));
        }
        return new TomlParser(utf8, sourceName).ParseDocument();
    }

    /// <summary>Reads text; a leading U+FEFF is skipped. An unpaired surrogate is an error.</summary>
    public static TomlTable Parse(string text, string? sourceName = null)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            var prefix = Encoding.UTF8.GetBytes(text.AsSpan(0, e.Index).ToArray());
            throw new TomlException(
                "the text contains an unpaired surrogate, which is not Unicode",
                PositionOf(prefix, prefix.Length, sourceName));
        }
        return Parse(utf8, sourceName);
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or -1.</summary>
    private static int FindInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return -1;
        }
        Span<char> sink = stackalloc char[1024];
        var offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(utf8[offset..], sink, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return offset;
            }
        }
    }

    /// <summary>The position of a byte offset, counted from the start; only for errors found before parsing.</summary>
    private static TomlPosition PositionOf(ReadOnlySpan<byte> utf8, int offset, string? sourceName)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (utf8[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return new TomlPosition(line, column, sourceName);
    }
}
