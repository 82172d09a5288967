using System.Buffers.Text;
using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Http;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// The bytes of a cache entry: a text header (<c>name value</c> lines, a blank line) that records the
/// URL, validators, content type (or the status of a remembered "not found"), and the body's length
/// and sha256; then the body. Reading checks
/// the magic line, the URL, the length and the checksum, so a truncated or damaged entry is never
/// used.
/// </summary>
internal static class CacheEntryFormat
{
    private const string Magic = "req2nix-cache-entry 1";

    public static byte[] Header(CachedHeaders document, ReadOnlySpan<byte> body)
    {
        var header = new StringBuilder(256);
        header.Append(Magic).Append('\n');
        Line(header, "url", document.Url);
        Line(header, "final-url", document.FinalUrl);
        Line(header, "etag", document.ETag);
        Line(header, "last-modified", document.LastModified);
        Line(header, "content-type", document.ContentType);
        Line(header, "missing-status", document.MissingStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(header, "body-length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(header, "body-sha256", Sha256Digest.Compute(body).ToHex());
        header.Append('\n');
        return Encoding.UTF8.GetBytes(header.ToString());
    }

    /// <summary>
    /// The document in <paramref name="entry"/> when it is whole and for <paramref name="url"/> (it
    /// then owns <paramref name="entry"/>); null otherwise.
    /// </summary>
    public static CachedDocument? TryRead(PooledBuffer entry, string url)
    {
        var bytes = entry.Span;
        var end = bytes.IndexOf("\n\n"u8);
        if (end < 0)
        {
            return null;
        }
        // Read in place, field by field: a warm run reads hundreds of entries, and only the values
        // that the headers keep become strings.
        var lines = bytes[..end];
        var newline = lines.IndexOf((byte)'\n');
        if (!Ascii.Equals(newline < 0 ? lines : lines[..newline], Magic))
        {
            return null;
        }
        var fields = new Fields();
        while (newline >= 0)
        {
            lines = lines[(newline + 1)..];
            newline = lines.IndexOf((byte)'\n');
            var line = newline < 0 ? lines : lines[..newline];
            var space = line.IndexOf((byte)' ');
            if (space > 0)
            {
                fields.Set(line[..space], line[(space + 1)..]);
            }
        }
        var body = bytes[(end + 2)..];
        int? missingStatus = !fields.Has(Field.MissingStatus)
            ? null
            : Utf8Parser.TryParse(fields.MissingStatus, out int status, out var used) && used == fields.MissingStatus.Length && status is 404 or 410 ? status : -1;
        if (!Utf8Equals(fields.Url, url)
            || missingStatus == -1
            || (missingStatus is not null && !body.IsEmpty)
            || !Utf8Parser.TryParse(fields.BodyLength, out int length, out var lengthUsed) || lengthUsed != fields.BodyLength.Length
            || length != body.Length
            || !TryParseDigest(fields.BodySha256, out var checksum)
            || !checksum.Equals(Sha256Digest.Compute(body)))
        {
            return null;
        }
        var headers = new CachedHeaders(url)
        {
            FinalUrl = fields.TextOf(Field.FinalUrl, fields.FinalUrl),
            ETag = fields.TextOf(Field.ETag, fields.ETag),
            LastModified = fields.TextOf(Field.LastModified, fields.LastModified),
            ContentType = fields.TextOf(Field.ContentType, fields.ContentType),
            MissingStatus = missingStatus,
        };
        return new CachedDocument(headers, entry, end + 2);
    }

    /// <summary>Whether the UTF-8 bytes spell <paramref name="text"/> (a key is ASCII: an escaped URL).</summary>
    private static bool Utf8Equals(ReadOnlySpan<byte> utf8, string text) =>
        Ascii.IsValid(utf8) ? Ascii.Equals(utf8, text) : Encoding.UTF8.GetString(utf8) == text;

    private static bool TryParseDigest(ReadOnlySpan<byte> hex, out Sha256Digest digest)
    {
        digest = default;
        Span<char> text = stackalloc char[Sha256Digest.Length * 2];
        return hex.Length == text.Length
            && Ascii.ToUtf16(hex, text, out _) == System.Buffers.OperationStatus.Done
            && Sha256Digest.TryParseHex(text, out digest);
    }

    [Flags]
    private enum Field
    {
        None = 0,
        FinalUrl = 1,
        ETag = 2,
        LastModified = 4,
        ContentType = 8,
        MissingStatus = 16,
    }

    /// <summary>The header's values by name (the last line wins, as a name written twice would); a field absent is empty.</summary>
    private ref struct Fields
    {
        private Field _present;

        public ReadOnlySpan<byte> Url;
        public ReadOnlySpan<byte> FinalUrl;
        public ReadOnlySpan<byte> ETag;
        public ReadOnlySpan<byte> LastModified;
        public ReadOnlySpan<byte> ContentType;
        public ReadOnlySpan<byte> MissingStatus;
        public ReadOnlySpan<byte> BodyLength;
        public ReadOnlySpan<byte> BodySha256;

        public readonly bool Has(Field field) => (_present & field) != 0;

        /// <summary>The value as a string; null when the header has no such line.</summary>
        public readonly string? TextOf(Field field, ReadOnlySpan<byte> value) => Has(field) ? Encoding.UTF8.GetString(value) : null;

        public void Set(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            if (name.SequenceEqual("url"u8))
            {
                Url = value;
            }
            else if (name.SequenceEqual("final-url"u8))
            {
                FinalUrl = value;
                _present |= Field.FinalUrl;
            }
            else if (name.SequenceEqual("etag"u8))
            {
                ETag = value;
                _present |= Field.ETag;
            }
            else if (name.SequenceEqual("last-modified"u8))
            {
                LastModified = value;
                _present |= Field.LastModified;
            }
            else if (name.SequenceEqual("content-type"u8))
            {
                ContentType = value;
                _present |= Field.ContentType;
            }
            else if (name.SequenceEqual("missing-status"u8))
            {
                MissingStatus = value;
                _present |= Field.MissingStatus;
            }
            else if (name.SequenceEqual("body-length"u8))
            {
                BodyLength = value;
            }
            else if (name.SequenceEqual("body-sha256"u8))
            {
                BodySha256 = value;
            }
        }
    }

    private static void Line(StringBuilder header, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        // A value from a server could hold a line break: it would forge header lines.
        header.Append(name).Append(' ').Append(value.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
    }
}
