using Req2Nix.Packaging.Hashing;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// The <c>*.dist-info/METADATA</c> taken from a wheel read whole, kept in the disk cache by the
/// wheel's sha256 (the same bytes under any URL have the same METADATA), so that a later run answers
/// the wheel's metadata without its bytes. Entries are cache documents, checked on every read.
/// </summary>
internal sealed class WheelMetadataRecords(DiskCache cache)
{
    private const string ContentType = "text/x-req2nix-wheel-metadata";

    public byte[]? TryRead(Sha256Digest wheel)
    {
        using var document = cache.TryRead(Key(wheel));
        return document is null || document.Headers.ContentType != ContentType ? null : document.Body.ToArray();
    }

    public void Write(Sha256Digest wheel, ReadOnlySpan<byte> metadata) =>
        cache.Write(new CachedHeaders(Key(wheel)) { ContentType = ContentType }, metadata);

    /// <summary>The cache key of the wheel's METADATA (exposed for tests and diagnostics).</summary>
    public static string Key(Sha256Digest wheel) => $"wheel-metadata sha256:{wheel.ToHex()}";
}
