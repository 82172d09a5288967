using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Index;

/// <summary>
/// The port the resolver needs from a package index (PyPI's simple and JSON APIs, a private
/// mirror, a lock file's recorded data, or an in-memory test index). Implementations answer
/// concurrent calls and ask the network at most once per URL.
/// </summary>
public interface IPackageIndex
{
    /// <summary>
    /// Every distribution file of a project over all configured indexes; null when no configured
    /// index has the project (an answer, not a failure: dependency trees name absent projects, and
    /// a resolution meets dozens of them, so they cost no exception).
    /// </summary>
    /// <exception cref="IndexUnavailableException">The index could not be reached or kept failing.</exception>
    Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken);

    /// <summary>The core metadata of the release a file belongs to (dependencies, Requires-Python, extras).</summary>
    Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken);

    /// <summary>The file's sha256, verified: the index's digest, or computed from the downloaded bytes.</summary>
    Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken);

    /// <summary>
    /// The file's sha256 when <see cref="GetSha256Async"/> would answer it without a request (a
    /// digest the index states and the client trusts); false when it takes a download.
    /// </summary>
    bool TryGetSha256WithoutRequest(DistributionFile file, out Sha256Digest sha256)
    {
        sha256 = default;
        return false;
    }
}
