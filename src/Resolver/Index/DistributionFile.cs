using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Resolver.Index;

/// <summary>
/// One file as an index lists it (PEP 503/691). <see cref="Url"/> is absolute and never carries
/// credentials: the client keeps those apart and adds them when it fetches.
/// </summary>
public sealed record DistributionFile(string Filename, Uri Url)
{
    /// <summary>The digest the index states; null when it states none (then it is computed on download).</summary>
    public Sha256Digest? Sha256 { get; init; }

    /// <summary>The index's Requires-Python for the file, as written (PEP 503 <c>data-requires-python</c>).</summary>
    public string? RequiresPython { get; init; }

    public bool Yanked { get; init; }

    public string? YankedReason { get; init; }

    /// <summary>PEP 658/714: the core metadata is served at <c>{Url}.metadata</c>.</summary>
    public bool HasCoreMetadata { get; init; }

    public Sha256Digest? CoreMetadataSha256 { get; init; }

    public long? Size { get; init; }

    /// <summary>The listing that named the file; null for a file from elsewhere (a lock file, a direct URL).</summary>
    public ListingOrigin? ListedBy { get; init; }
}
