using System.Collections.Concurrent;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>Remembers another index's answers, so that repeated resolutions measure the resolver alone.</summary>
internal sealed class MemoizingIndex : IPackageIndex
{
    private readonly IPackageIndex _inner;
    private readonly ConcurrentDictionary<PackageName, Task<ProjectListing?>> _projects = new();
    private readonly ConcurrentDictionary<DistributionFile, Task<CoreMetadata>> _metadata = new();
    private readonly ConcurrentDictionary<DistributionFile, Task<Sha256Digest>> _digests = new();

    public MemoizingIndex(IPackageIndex inner)
    {
        _inner = inner;
    }

    /// <summary>The listings fetched so far (those that exist).</summary>
    public IReadOnlyList<ProjectListing> Listings =>
        [.. _projects.Values.Where(task => task.IsCompletedSuccessfully && task.Result is not null).Select(task => task.Result!)];

    public Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken) =>
        _projects.GetOrAdd(name, key => _inner.FindProjectAsync(key, CancellationToken.None));

    public Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken) =>
        _metadata.GetOrAdd(file, key => _inner.GetMetadataAsync(key, CancellationToken.None));

    public Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken) =>
        _digests.GetOrAdd(file, key => _inner.GetSha256Async(key, CancellationToken.None));
}
