using System.Collections.Concurrent;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// The index data of one resolution, shared by the solvers of every system and by the prefetcher:
/// each listing, metadata file and digest is asked of the <see cref="IPackageIndex"/> once, at
/// most <c>maxConcurrentRequests</c> at a time, and kept as a task that any number of callers await.
/// Disposing it cancels what is still in flight (speculative fetches nobody needs any more).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The semaphore never creates its wait handle; requests still in flight release it after Dispose.")]
internal sealed class ReleaseStore : IDisposable
{
    private readonly IPackageIndex _index;
    private readonly SemaphoreSlim _requests;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationToken _cancellation;
    private readonly ConcurrentDictionary<PackageName, Lazy<Task<ProjectReleases?>>> _projects = new();
    private readonly ConcurrentDictionary<(PackageName, int), Lazy<Task<ReleaseMetadata>>> _metadata = new();
    private readonly ConcurrentDictionary<DistributionFile, Lazy<Task<CoreMetadata>>> _directMetadata = new();
    private readonly ConcurrentDictionary<DistributionFile, Lazy<Task<Sha256Digest>>> _digests = new();
    private readonly ConcurrentDictionary<(PackageName, TargetEnvironment), SystemReleases> _systemReleases = new();
    private int _listingRequests;
    private int _metadataRequests;

    public ReleaseStore(IPackageIndex index, IndexSettings settings, int maxConcurrentRequests, CancellationToken cancellation)
    {
        _index = index;
        Settings = settings;
        _requests = new SemaphoreSlim(maxConcurrentRequests, maxConcurrentRequests);
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _cancellation = _lifetime.Token;
    }

    public IndexSettings Settings { get; }

    /// <summary>How many listings and metadata files were asked of the index.</summary>
    public (int Listings, int Metadata) RequestCounts => (Volatile.Read(ref _listingRequests), Volatile.Read(ref _metadataRequests));

    /// <summary>The project's releases, or null when no index has it.</summary>
    public Task<ProjectReleases?> GetProjectAsync(PackageName name) =>
        _projects.GetOrAdd(name, key => new Lazy<Task<ProjectReleases?>>(() => FetchProjectAsync(key))).Value;

    /// <summary>Whether the project's listing has arrived; <paramref name="releases"/> is then its releases (null: no index has it).</summary>
    public bool TryGetArrivedProject(PackageName name, out ProjectReleases? releases)
    {
        var task = GetProjectAsync(name);
        releases = task.IsCompletedSuccessfully ? task.Result : null;
        return task.IsCompletedSuccessfully;
    }

    /// <summary>The metadata of the version at <paramref name="versionIndex"/> of <paramref name="project"/>'s catalog.</summary>
    public Task<ReleaseMetadata> GetMetadataAsync(ProjectReleases project, int versionIndex) =>
        _metadata.GetOrAdd(
            (project.Name, versionIndex),
            _ => new Lazy<Task<ReleaseMetadata>>(() => FetchMetadataAsync(project, versionIndex))).Value;

    /// <summary>The metadata of a file that is no index's (a direct URL).</summary>
    public Task<CoreMetadata> GetDirectMetadataAsync(DistributionFile file) =>
        _directMetadata.GetOrAdd(file, key => new Lazy<Task<CoreMetadata>>(() => LimitedAsync(() => _index.GetMetadataAsync(key, _cancellation)))).Value;

    /// <summary>The file's verified sha256 (the index's digest, or computed by the index client).</summary>
    public Task<Sha256Digest> GetSha256Async(DistributionFile file) =>
        _digests.GetOrAdd(file, key => new Lazy<Task<Sha256Digest>>(() => LimitedAsync(() => _index.GetSha256Async(key, _cancellation)))).Value;

    /// <summary>What the project offers on <paramref name="target"/> under the index settings (computed once).</summary>
    public SystemReleases ReleasesOn(ProjectReleases project, TargetEnvironment target) =>
        _systemReleases.GetOrAdd((project.Name, target), key => SystemReleases.For(project, key.Item2, Settings.Formats));

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private async Task<ProjectReleases?> FetchProjectAsync(PackageName name)
    {
        Interlocked.Increment(ref _listingRequests);
        try
        {
            var listing = await LimitedAsync(() => _index.GetProjectAsync(name, _cancellation)).ConfigureAwait(false);
            return ProjectReleases.From(listing);
        }
        catch (PackageNotFoundException)
        {
            return null;
        }
    }

    private async Task<ReleaseMetadata> FetchMetadataAsync(ProjectReleases project, int versionIndex)
    {
        Interlocked.Increment(ref _metadataRequests);
        var file = project.MetadataFileOf(versionIndex);
        var metadata = await LimitedAsync(() => _index.GetMetadataAsync(file.File, _cancellation)).ConfigureAwait(false);
        return new ReleaseMetadata(metadata, project.Name, project.Catalog[versionIndex]);
    }

    private async Task<T> LimitedAsync<T>(Func<Task<T>> request)
    {
        await _requests.WaitAsync(_cancellation).ConfigureAwait(false);
        try
        {
            return await request().ConfigureAwait(false);
        }
        finally
        {
            _requests.Release();
        }
    }
}
