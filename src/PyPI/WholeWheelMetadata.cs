using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Archives;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Metadata;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// A small wheel's core metadata taken from the wheel itself, downloaded whole (up to
/// <see cref="PyPIClientOptions.WholeWheelMetadataBytes"/>): for a wheel barely larger than its
/// METADATA that costs the round trip its PEP 658 document would, and the bytes are then at hand
/// for the later read of the same wheel for its import names (in the cache by sha256, and here for
/// this client). The METADATA is kept in the cache by the wheel's sha256, so a later run needs
/// neither. Only a wheel whose sha256 and size the index states qualifies: the PEP 691 JSON page
/// gives both, the PEP 503 HTML page no size.
/// </summary>
internal sealed class WholeWheelMetadata
{
    private readonly DistributionSource _distributions;
    private readonly WheelMetadataRecords? _records;
    private readonly ClientLog _log;
    private readonly long _maxBytes;
    private readonly bool _refresh;
    private readonly SharedTasks<Sha256Digest, VerifiedDistribution> _downloads = new();

    /// <param name="maxBytes">The largest wheel read whole; 0 reads none.</param>
    public WholeWheelMetadata(DistributionSource distributions, DiskCache? cache, ClientLog log, long maxBytes, bool refresh)
    {
        _distributions = distributions;
        _records = cache is null ? null : new WheelMetadataRecords(cache);
        _log = log;
        _maxBytes = maxBytes;
        _refresh = refresh;
    }

    public bool AppliesTo(DistributionFile file) =>
        _maxBytes > 0
        && file.Sha256 is not null
        && file.Size is { } size && size <= _maxBytes
        && file.Filename.EndsWith(WheelFilename.WheelExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The metadata an earlier read of the wheel kept in the cache, if any (none under refresh).</summary>
    public CoreMetadata? TryRecorded(DistributionFile file)
    {
        if (_refresh || _records?.TryRead(Digest(file)) is not { } recorded)
        {
            return null;
        }
        _log.CacheHit(file.Url, "its metadata, from the cache (read from the wheel before)");
        return CoreMetadataBytes.Parse(recorded, file, ShownAs(file));
    }

    /// <summary>
    /// The wheel's metadata, from its bytes (downloaded, or from the cache) verified against its
    /// sha256, and its METADATA against the index's digest of it when stated.
    /// </summary>
    /// <exception cref="HashMismatchException">The wheel or its METADATA does not match the index's digest.</exception>
    /// <exception cref="OfflineMissException">Offline, and the cache lacks the wheel.</exception>
    public async Task<CoreMetadata> ReadAsync(DistributionFile file)
    {
        var digest = Digest(file);
        var wheel = await _downloads.GetOrStart(digest, _ => _distributions.GetBytesAsync(file, _maxBytes, keep: true));
        var bytes = DistributionArchive.ReadWheelMetadataFile(wheel.Bytes, file.Filename);
        var metadata = CoreMetadataBytes.Parse(bytes, file, ShownAs(file));
        _records?.Write(digest, bytes);
        _log.Detail(file.Url, $"its metadata read from the wheel itself ({wheel.Bytes.Length} bytes), not from a .metadata document");
        return metadata;
    }

    /// <summary>The read of the wheel with sha256 <paramref name="digest"/> made or under way here, if any.</summary>
    public Task<VerifiedDistribution>? Started(Sha256Digest digest) =>
        _downloads.TryGet(digest, out var started) ? started : null;

    private static Sha256Digest Digest(DistributionFile file) =>
        file.Sha256 ?? throw new ArgumentException($"{file.Filename}: the index states no sha256", nameof(file));

    private static string ShownAs(DistributionFile file) => $"{file.Filename} (its METADATA)";
}
