using System.Collections.Concurrent;
using System.Diagnostics;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// The index data of one resolution, shared by the solvers of every system and by the prefetcher:
/// each listing, metadata file and digest is asked of the <see cref="IPackageIndex"/> once, through a
/// <see cref="RequestScheduler"/> that serves waiting solvers before prefetching, and kept as a task
/// any number of callers await. The solvers, each on a thread of its own, block on what they need
/// (uv's <c>wait_blocking</c>) while the fetching runs on the thread pool. Disposing it cancels what
/// is still queued or in flight, and ends a solver's wait.
/// </summary>
internal sealed class ReleaseStore : IDisposable
{
    private readonly IPackageIndex _index;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationToken _cancellation;
    private readonly RequestScheduler _scheduler;
    private readonly ConcurrentDictionary<PackageName, Lazy<ScheduledRequest<ProjectReleases?>>> _projects = new();
    private readonly ConcurrentDictionary<(PackageName, int), Lazy<ScheduledRequest<ReleaseMetadata>>> _metadata = new();
    private readonly ConcurrentDictionary<DistributionFile, Lazy<ScheduledRequest<CoreMetadata>>> _directMetadata = new();
    private readonly ConcurrentDictionary<DistributionFile, Lazy<ScheduledRequest<Sha256Digest>>> _digests = new();
    private readonly ConcurrentDictionary<(PackageName, TargetEnvironment), SystemReleases> _systemReleases = new();
    private int _listingRequests;
    private int _metadataRequests;
    private int _solverWaits;
    private long _solverWaitTicks;

    public ReleaseStore(IPackageIndex index, IndexSettings settings, int maxConcurrentRequests, CancellationToken cancellation)
    {
        _index = index;
        Settings = settings;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _cancellation = _lifetime.Token;
        _scheduler = new RequestScheduler(maxConcurrentRequests, _cancellation);
    }

    public IndexSettings Settings { get; }

    /// <summary>How many listings and metadata files were asked of the index.</summary>
    public (int Listings, int Metadata) RequestCounts => (Volatile.Read(ref _listingRequests), Volatile.Read(ref _metadataRequests));

    /// <summary>How often a solver had to wait for data that had not arrived, and for how long in all.</summary>
    public (int Count, TimeSpan Time) SolverWaits => (Volatile.Read(ref _solverWaits), TimeSpan.FromTicks(Volatile.Read(ref _solverWaitTicks)));

    /// <summary>Asks for the project's listing ahead of need (null result: no index has it).</summary>
    public Task<ProjectReleases?> PrefetchProject(PackageName name, int depth = 0) => Project(name, urgent: false, depth).Task;

    /// <summary>The project's releases, now (a solver's thread blocks until they arrive); null when no index has it.</summary>
    public ProjectReleases? NeedProject(PackageName name) => Wait(Project(name, urgent: true));

    /// <summary>Whether the project's listing has arrived; <paramref name="releases"/> is then its releases (null: no index has it).</summary>
    public bool TryGetArrivedProject(PackageName name, out ProjectReleases? releases)
    {
        var task = _projects.TryGetValue(name, out var request) ? request.Value.Task : null;
        releases = task is { IsCompletedSuccessfully: true } ? task.Result : null;
        return task is { IsCompletedSuccessfully: true };
    }

    /// <summary>Asks for a version's metadata ahead of need.</summary>
    public Task<ReleaseMetadata> PrefetchMetadata(ProjectReleases project, int versionIndex, int depth = 0) => Metadata(project, versionIndex, urgent: false, depth).Task;

    /// <summary>The metadata of the version at <paramref name="versionIndex"/> of <paramref name="project"/>'s catalog, now (blocking).</summary>
    public ReleaseMetadata NeedMetadata(ProjectReleases project, int versionIndex) => Wait(Metadata(project, versionIndex, urgent: true));

    /// <summary>The metadata of a file that is no index's (a direct URL), now (blocking).</summary>
    public CoreMetadata NeedDirectMetadata(DistributionFile file) =>
        Wait(_directMetadata.GetOrAdd(
            file,
            key => new Lazy<ScheduledRequest<CoreMetadata>>(() => _scheduler.Enqueue(() => _index.GetMetadataAsync(key, _cancellation), urgent: true))).Value);

    /// <summary>
    /// The file's verified sha256 (the index's digest, or computed by the index client). A digest
    /// the index states takes no request, so it takes no turn in the scheduler either: a resolution
    /// ends by asking for hundreds of them at once.
    /// </summary>
    public Task<Sha256Digest> GetSha256Async(DistributionFile file) =>
        _index.TryGetSha256WithoutRequest(file, out var stated)
            ? Task.FromResult(stated)
            : _digests.GetOrAdd(
                file,
                key => new Lazy<ScheduledRequest<Sha256Digest>>(() => _scheduler.Enqueue(() => _index.GetSha256Async(key, _cancellation), urgent: true))).Value.Task;

    /// <summary>What the project offers on <paramref name="target"/> under the index settings (computed once).</summary>
    public SystemReleases ReleasesOn(ProjectReleases project, TargetEnvironment target) =>
        _systemReleases.GetOrAdd((project.Name, target), key => SystemReleases.For(project, key.Item2, Settings.Formats));

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private ScheduledRequest<ProjectReleases?> Project(PackageName name, bool urgent, int depth = 0) =>
        _projects.GetOrAdd(name, key => new Lazy<ScheduledRequest<ProjectReleases?>>(() => _scheduler.Enqueue(() => FetchProjectAsync(key), urgent, depth))).Value;

    private ScheduledRequest<ReleaseMetadata> Metadata(ProjectReleases project, int versionIndex, bool urgent, int depth = 0) =>
        _metadata.GetOrAdd(
            (project.Name, versionIndex),
            _ => new Lazy<ScheduledRequest<ReleaseMetadata>>(() => _scheduler.Enqueue(() => FetchMetadataAsync(project, versionIndex), urgent, depth))).Value;

    /// <summary>
    /// Blocks the calling solver thread (never a thread-pool thread: the fetching needs those) until a
    /// request it needs now completes: promotes it if it is still queued, runs it itself if it holds a
    /// slot but no thread has begun it, and counts the wait if there is one. Cancelling the
    /// resolution, or disposing the store, ends the wait.
    /// </summary>
    /// <exception cref="OperationCanceledException">The resolution was cancelled.</exception>
    private T Wait<T>(ScheduledRequest<T> request)
    {
        var task = request.Task;
        if (!task.IsCompleted)
        {
            request.Promote();
            request.TryRunHere();
        }
        if (!task.IsCompleted)
        {
            Interlocked.Increment(ref _solverWaits);
            var start = Stopwatch.GetTimestamp();
            try
            {
                // WaitAny, not Wait: it returns when the task fails instead of throwing an AggregateException.
                Task.WaitAny([task], _cancellation);
            }
            finally
            {
                Interlocked.Add(ref _solverWaitTicks, Stopwatch.GetElapsedTime(start).Ticks);
            }
        }
        // The request's own exception, as an await would throw it.
        return task.GetAwaiter().GetResult();
    }

    private async Task<ProjectReleases?> FetchProjectAsync(PackageName name)
    {
        Interlocked.Increment(ref _listingRequests);
        var listing = await _index.FindProjectAsync(name, _cancellation).ConfigureAwait(false);
        return listing is null ? null : ProjectReleases.From(listing);
    }

    private async Task<ReleaseMetadata> FetchMetadataAsync(ProjectReleases project, int versionIndex)
    {
        Interlocked.Increment(ref _metadataRequests);
        var file = project.MetadataFileOf(versionIndex);
        try
        {
            var metadata = await _index.GetMetadataAsync(file.File, _cancellation).ConfigureAwait(false);
            return new ReleaseMetadata(metadata, project.Name, project.Catalog[versionIndex]);
        }
        catch (InvalidMetadataException exception)
        {
            // pip skips a candidate whose metadata cannot be read; so does req2nix.
            return ReleaseMetadata.Unusable(project.Name, project.Catalog[versionIndex], exception.Message);
        }
    }
}
