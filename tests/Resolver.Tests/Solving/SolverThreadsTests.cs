using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests.Solving;

/// <summary>The solvers block on their own threads: what a blocked solver does on cancellation and on an index failure.</summary>
public class SolverThreadsTests
{
    [Fact]
    public async Task Cancelling_ends_solvers_blocked_on_a_listing_that_never_arrives()
    {
        var index = new StalledIndex();
        using var cancellation = new CancellationTokenSource();
        var resolving = new DependencyResolver(index).ResolveAsync(TestManifests.Manifest("a"), TestManifests.AllSystems, cancellation.Token);

        await index.Asked;
        await cancellation.CancelAsync();

        // The time limit only turns a regression (a wait the token cannot end) into a failure rather than a hang.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolving.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task An_index_failure_a_solver_meets_ends_the_resolution_with_that_exception_unwrapped()
    {
        var index = new FailingMetadataIndex(new InMemoryPackageIndex().Add("a", "1.0"));

        var exception = await Assert.ThrowsAsync<IndexUnavailableException>(
            () => Resolve.RunAsync(index, TestManifests.Manifest("a"), TestManifests.AllSystems));

        Assert.Equal("https://files.example/a", exception.Url);
    }

    [Fact]
    public async Task An_input_one_system_cannot_use_ends_the_resolution_before_any_system_pins()
    {
        const string Wheel = "https://files.example/a-1.0-cp311-cp311-macosx_11_0_arm64.whl";
        var index = new InMemoryPackageIndex().AddDirect(Wheel, new InMemoryRelease("a", "1.0"));
        var manifest = TestManifests.Manifest("a").WithConstraints($"a @ {Wheel}");
        var observer = new CountingObserver();

        var exception = await Assert.ThrowsAsync<ResolutionInputException>(
            () => Resolve.RunAsync(index, manifest, TestManifests.AllSystems, ResolverOptions.Default with { Observer = observer }));

        Assert.Contains("the constraint on a names a file that cannot be used", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, observer.Count);
    }

    /// <summary>An index whose answers never come, whatever the cancellation token says.</summary>
    private sealed class StalledIndex : IPackageIndex
    {
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Asked => _asked.Task;

        public Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken)
        {
            _asked.TrySetResult();
            return new TaskCompletionSource<ProjectListing?>().Task;
        }

        public Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken) =>
            new TaskCompletionSource<CoreMetadata>().Task;

        public Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken) =>
            new TaskCompletionSource<Sha256Digest>().Task;
    }

    /// <summary>Lists projects, then cannot reach the files' metadata.</summary>
    private sealed class FailingMetadataIndex(IPackageIndex listings) : IPackageIndex
    {
        public Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken) =>
            listings.FindProjectAsync(name, cancellationToken);

        public Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken) =>
            Task.FromException<CoreMetadata>(new IndexUnavailableException("https://files.example/a", "connection refused"));

        public Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken) =>
            listings.GetSha256Async(file, cancellationToken);
    }

    private sealed class CountingObserver : IResolutionObserver
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Pinned(PinnedRelease release) => Interlocked.Increment(ref _count);
    }
}
