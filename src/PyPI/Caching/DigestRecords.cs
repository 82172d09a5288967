using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Hashing;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// Computed digests of downloaded files, kept in the disk cache keyed by the file's URL and the
/// digest the index stated for it (none, or a sha256): a file is hashed once, and a changed index
/// digest is verified afresh.
/// </summary>
internal sealed class DigestRecords(DiskCache cache)
{
    private const string ContentType = "text/x-req2nix-digests";

    public DigestSet? TryRead(Uri url, Sha256Digest? expected)
    {
        using var document = cache.TryRead(Key(url, expected));
        if (document is null || document.Headers.ContentType != ContentType)
        {
            return null;
        }
        Sha256Digest? sha256 = null;
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(document.Body.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                return null;
            }
            var (algorithm, hex) = (line[..space], line[(space + 1)..]);
            if (algorithm == Sha256Digest.AlgorithmName)
            {
                sha256 = Sha256Digest.TryParseHex(hex, out var digest) ? digest : null;
            }
            else
            {
                others[algorithm] = hex;
            }
        }
        return sha256 is { } value ? new DigestSet(value, others) : null;
    }

    public void Write(Uri url, Sha256Digest? expected, DigestSet digests)
    {
        var text = new StringBuilder().Append(Sha256Digest.AlgorithmName).Append(' ').Append(digests.Sha256.ToHex()).Append('\n');
        foreach (var (algorithm, hex) in digests.Others.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.Append(algorithm).Append(' ').Append(hex).Append('\n');
        }
        cache.Write(new CachedHeaders(Key(url, expected)) { ContentType = ContentType }, Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Key(Uri url, Sha256Digest? expected) =>
        $"digests {DocumentSource.CacheKey(url)} expecting {expected?.ToHex() ?? "none"}";
}
