using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Turns a requirements file's bytes into text as pip 23.2.1's <c>auto_decode</c> does: a byte-order
/// mark names the encoding (checked in pip's order, so a UTF-32 LE mark reads as UTF-16 LE, as in pip);
/// else a PEP 263 <c>coding[:=]name</c> in a comment on one of the first two lines; else UTF-8 (pip
/// uses the locale's encoding, which is UTF-8 wherever req2nix runs). Undecodable bytes and unknown
/// codecs are errors at their position, where pip would crash with a traceback.
/// </summary>
internal static class RequirementsTextDecoder
{
    /// <summary>
    /// pip's marks in pip's order, reachable ones only: FF FE (Python's "utf-16" codec) shadows the
    /// UTF-16 LE and both UTF-32 LE marks that pip lists after it.
    /// </summary>
    private static readonly (byte[] Mark, Func<Encoding> Encoding, bool TakesSecondMark)[] ByteOrderMarks =
    [
        ([0xEF, 0xBB, 0xBF], StrictEncodings.Utf8, false),
        ([0xFF, 0xFE], () => StrictEncodings.Utf16(bigEndian: false), true),
        ([0xFE, 0xFF], () => StrictEncodings.Utf16(bigEndian: true), false),
        ([0x00, 0x00, 0xFE, 0xFF], () => StrictEncodings.Utf32(bigEndian: true), false),
    ];

    /// <summary>The decoded text in a buffer rented from the shared pool: return it with <see cref="ArrayPool{T}.Return"/>.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string displayPath)
    {
        foreach (var (mark, encoding, takesSecondMark) in ByteOrderMarks)
        {
            if (bytes.StartsWith(mark))
            {
                var rest = bytes[mark.Length..];
                // Python's "utf-16" codec, which pip names for FF FE, obeys a second mark.
                if (takesSecondMark && rest.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                {
                    return DecodeWith(StrictEncodings.Utf16(bigEndian: true), rest[2..], displayPath);
                }
                if (takesSecondMark && rest.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
                {
                    rest = rest[2..];
                }
                return DecodeWith(encoding(), rest, displayPath);
            }
        }
        if (FindCodingDeclaration(bytes) is var (name, line, column))
        {
            var encoding = PythonCodecs.Find(name)
                ?? throw new RequirementsFileException(
                    new SourceLocation(displayPath, line, column),
                    $"unknown encoding '{name}' in the coding declaration");
            return DecodeWith(encoding, bytes, displayPath);
        }
        return DecodeUtf8(bytes, displayPath);
    }

    private static DecodedText DecodeUtf8(ReadOnlySpan<byte> bytes, string displayPath)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            ArrayPool<char>.Shared.Return(chars);
            throw InvalidBytes(bytes, read, displayPath, "UTF-8");
        }
        return new DecodedText(chars, written);
    }

    private static DecodedText DecodeWith(Encoding encoding, ReadOnlySpan<byte> bytes, string displayPath)
    {
        if (encoding is UTF8Encoding)
        {
            return DecodeUtf8(bytes, displayPath);
        }
        try
        {
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
            try
            {
                return new DecodedText(chars, encoding.GetChars(bytes, chars));
            }
            catch
            {
                ArrayPool<char>.Shared.Return(chars);
                throw;
            }
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, bytes.Length);
            var lenient = (Encoding)encoding.Clone();
            lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
            var prefix = lenient.GetString(bytes[..offset]);
            var (line, column) = LineAndColumnAtEnd(prefix);
            throw new RequirementsFileException(
                new SourceLocation(displayPath, line, column),
                $"the file is not valid {encoding.WebName}: undecodable byte 0x{bytes[offset < bytes.Length ? offset : bytes.Length - 1]:x2}");
        }
    }

    private static RequirementsFileException InvalidBytes(ReadOnlySpan<byte> bytes, int offset, string displayPath, string encodingName)
    {
        var prefix = Encoding.UTF8.GetString(bytes[..offset]);
        var (line, column) = LineAndColumnAtEnd(prefix);
        var shown = offset < bytes.Length ? $"undecodable byte 0x{bytes[offset]:x2}" : "truncated character at the end";
        return new RequirementsFileException(
            new SourceLocation(displayPath, line, column),
            $"the file is not valid {encodingName} ({shown}); declare its encoding with a '# -*- coding: name -*-' first line");
    }

    /// <summary>The 1-based line and column just after <paramref name="text"/>, lines split as Python's <c>str.splitlines</c> does.</summary>
    private static (int Line, int Column) LineAndColumnAtEnd(string text)
    {
        var line = 1;
        var lineStart = 0;
        var position = 0;
        while (PythonLines.NextBreak(text, position, out _, out var breakEnd))
        {
            line++;
            position = lineStart = breakEnd;
        }
        return (line, text.Length - lineStart + 1);
    }

    /// <summary>
    /// pip's PEP 263 check: among the first two <c>\n</c>-separated lines, the first that starts with
    /// <c>#</c> and matches <c>coding[:=]\s*([-\w.]+)</c> (ASCII classes, bytes) names the codec.
    /// </summary>
    private static (string Name, int Line, int Column)? FindCodingDeclaration(ReadOnlySpan<byte> bytes)
    {
        var rest = bytes;
        for (var lineNumber = 1; lineNumber <= 2; lineNumber++)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            if (line.Length > 0 && line[0] == (byte)'#' && MatchCoding(line) is var (start, length))
            {
                return (Encoding.ASCII.GetString(line.Slice(start, length)), lineNumber, start + 1);
            }
            if (newline < 0)
            {
                break;
            }
            rest = rest[(newline + 1)..];
        }
        return null;
    }

    private static (int Start, int Length)? MatchCoding(ReadOnlySpan<byte> line)
    {
        var searchFrom = 0;
        while (true)
        {
            var found = line[searchFrom..].IndexOf("coding"u8);
            if (found < 0)
            {
                return null;
            }
            var i = searchFrom + found + "coding".Length;
            searchFrom += found + 1;
            if (i >= line.Length || (line[i] != (byte)':' && line[i] != (byte)'='))
            {
                continue;
            }
            i++;
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C)
            {
                i++;
            }
            var nameStart = i;
            while (i < line.Length && (char.IsAsciiLetterOrDigit((char)line[i]) || line[i] is (byte)'_' or (byte)'-' or (byte)'.'))
            {
                i++;
            }
            if (i > nameStart)
            {
                return (nameStart, i - nameStart);
            }
        }
    }
}

/// <summary>Decoded text in a pooled buffer: <see cref="Chars"/> up to <see cref="Length"/>.</summary>
internal readonly record struct DecodedText(char[] Chars, int Length)
{
    public ReadOnlyMemory<char> Memory => Chars.AsMemory(0, Length);

    public void Return() => ArrayPool<char>.Shared.Return(Chars);
}
