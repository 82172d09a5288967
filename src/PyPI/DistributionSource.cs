using System.Net;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.Hashing;
using Req2Nix.PyPI.Http;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// Distribution files: downloaded and hashed as the bytes arrive (nothing written to disk), or held
/// in memory up to a limit. Every result is checked against the digest the index states; a
/// mismatch is a <see cref="HashMismatchException"/>. Computed digests are kept in the cache by
/// URL and stated digest, bytes held in memory by their sha256, so neither is fetched twice.
/// </summary>
internal sealed class DistributionSource
{
    private readonly HttpFetcher? _fetcher;
    private readonly DiskCache? _cache;
    private readonly DigestRecords? _records;
    private readonly bool _refresh;

    /// <param name="fetcher">Null when offline.</param>
    public DistributionSource(HttpFetcher? fetcher, DiskCache? cache, bool refresh)
    {
        _fetcher = fetcher;
        _cache = cache;
        _records = cache is null ? null : new DigestRecords(cache);
        _refresh = refresh;
    }

    /// <summary>The file's digests (sha256, and the <paramref name="extraAlgorithms"/>), verified against the index's digest.</summary>
    public async Task<DigestSet> HashAsync(DistributionFile file, IReadOnlyList<string> extraAlgorithms)
    {
        if (!_refresh && _records?.TryRead(file.Url, file.Sha256) is { } recorded && Covers(recorded, extraAlgorithms))
        {
            return recorded;
        }
        var fetcher = _fetcher ?? throw new OfflineMissException(file.Url);
        var digests = await fetcher.GetAsync(file.Url, default(RequestHeaders), async (response, token) =>
        {
            ThrowIfMissing(response, file);
            using var hasher = new StreamingHasher(extraAlgorithms);
            await response.HashBodyAsync(hasher, long.MaxValue, _ => new InvalidOperationException(), null, token);
            return hasher.Finish();
        });
        Verify(file, digests.Sha256);
        _records?.Write(file.Url, file.Sha256, digests);
        return digests;
    }

    /// <summary>
    /// The file's bytes, at most <paramref name="maxBytes"/>, verified against the index's digest;
    /// kept in the cache by digest when <paramref name="keep"/> (a caller that keeps what it derives
    /// from them need not keep the bytes).
    /// </summary>
    public async Task<VerifiedDistribution> GetBytesAsync(DistributionFile file, long maxBytes, bool keep = true)
    {
        if (file.Size > maxBytes)
        {
            throw new DistributionTooLargeException(file.Filename, file.Size.Value, maxBytes);
        }
        var known = file.Sha256 ?? (_refresh ? null : _records?.TryRead(file.Url, null)?.Sha256);
        if (!_refresh && known is { } digest && _cache?.TryReadBlob(digest) is { } stored)
        {
            return stored.Length <= maxBytes
                ? new VerifiedDistribution(file.Filename, digest, stored)
                : throw new DistributionTooLargeException(file.Filename, stored.Length, maxBytes);
        }
        var fetcher = _fetcher ?? throw new OfflineMissException(file.Url);
        var downloaded = await fetcher.GetAsync(file.Url, default(RequestHeaders), async (response, token) =>
        {
            ThrowIfMissing(response, file);
            using var hasher = new StreamingHasher();
            using var copy = new PooledBuffer(response.ContentLength is { } length and > 0 and < int.MaxValue ? (int)length : 64 * 1024);
            await response.HashBodyAsync(
                hasher,
                maxBytes,
                received => new DistributionTooLargeException(file.Filename, received, maxBytes),
                chunk => copy.Append(chunk),
                token);
            return new Downloaded(copy.ToArray(), hasher.Finish());
        });
        var (bytes, digests) = downloaded;
        Verify(file, digests.Sha256);
        if (keep)
        {
            _cache?.WriteBlob(digests.Sha256, bytes);
        }
        if (file.Sha256 is null)
        {
            // With an index digest the record would only repeat it.
            _records?.Write(file.Url, file.Sha256, digests);
        }
        return new VerifiedDistribution(file.Filename, digests.Sha256, bytes);
    }

    private static bool Covers(DigestSet recorded, IReadOnlyList<string> algorithms)
    {
        foreach (var algorithm in algorithms)
        {
            if (recorded.Hex(algorithm) is null)
            {
                return false;
            }
        }
        return true;
    }

    private static void Verify(DistributionFile file, Sha256Digest actual)
    {
        if (file.Sha256 is { } expected && !expected.Equals(actual))
        {
            throw new HashMismatchException(file.Filename, $"sha256:{expected.ToHex()} (the index's digest)", $"sha256:{actual.ToHex()}");
        }
    }

    private static void ThrowIfMissing(FetchResponse response, DistributionFile file)
    {
        if (response.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new IndexUnavailableException(UrlRedactor.Redact(file.Url), $"{(int)response.Status}: the index lists {file.Filename}, but the file is not there");
        }
        if (response.Status == HttpStatusCode.NotModified)
        {
            throw new TransientFetchException("304 Not Modified to an unconditional request");
        }
    }

    /// <summary>A download's bytes and digests (a class, not a tuple: see <c>HttpFetcher.Sent</c>).</summary>
    private sealed record Downloaded(byte[] Bytes, DigestSet Digests);
}
