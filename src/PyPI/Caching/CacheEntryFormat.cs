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
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = Encoding.UTF8.GetString(bytes[..end]).Split('\n');
        if (lines[0] != Magic)
        {
            return null;
        }
        foreach (var line in lines.AsSpan(1))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                fields[line[..space]] = line[(space + 1)..];
            }
        }
        var body = bytes[(end + 2)..];
        int? missingStatus = fields.TryGetValue("missing-status", out var statusText)
            ? int.TryParse(statusText, System.Globalization.CultureInfo.InvariantCulture, out var status) && status is 404 or 410 ? status : -1
            : null;
        if (fields.GetValueOrDefault("url") != url
            || missingStatus == -1
            || (missingStatus is not null && !body.IsEmpty)
            || !int.TryParse(fields.GetValueOrDefault("body-length"), System.Globalization.CultureInfo.InvariantCulture, out var length)
            || length != body.Length
            || !Sha256Digest.TryParseHex(fields.GetValueOrDefault("body-sha256"), out var checksum)
            || !checksum.Equals(Sha256Digest.Compute(body)))
        {
            return null;
        }
        var headers = new CachedHeaders(url)
        {
            FinalUrl = fields.GetValueOrDefault("final-url"),
            ETag = fields.GetValueOrDefault("etag"),
            LastModified = fields.GetValueOrDefault("last-modified"),
            ContentType = fields.GetValueOrDefault("content-type"),
            MissingStatus = missingStatus,
        };
        return new CachedDocument(headers, entry, end + 2);
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
