using System.Collections.Concurrent;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests;

public class ResolutionObserverTests
{
    [Fact]
    public async Task Every_release_of_the_result_is_told_once_with_the_files_the_result_lists()
    {
        var index = new InMemoryPackageIndex()
            .Add("a", "1.0", "b")
            .Add("a", "2.0", "b>=1.1")
            .Add("b", "1.0")
            .Add("b", "1.1");
        var observer = new RecordingObserver();

        var resolution = await Resolve.RunAsync(index, TestManifests.Manifest("a"), options: ResolverOptions.Default with { Observer = observer });

        Assert.Equal(["a 2.0 x86_64-linux", "b 1.1 x86_64-linux"], observer.Told());
        foreach (var package in resolution.Packages)
        {
            var told = observer.Pins.Single(pin => pin.Name == package.Name);
            Assert.Equal(package.Version, told.Version);
            Assert.Equal(
                package.Files.Select(file => (file.Filename, file.Url, file.Sha256)),
                told.Files.Select(file => (file.Filename, file.Url.ToString(), file.Sha256!.Value)));
        }
    }

    [Fact]
    public async Task A_pin_later_backtracked_is_told_too_and_only_the_result_is_final()
    {
        var index = new InMemoryPackageIndex()
            .Add("a", "1.0")
            .Add("a", "2.0", "c<2")
            .Add("b", "1.0", "c>=2")
            .Add("c", "1.0")
            .Add("c", "2.0");
        var observer = new RecordingObserver();

        var pins = Resolve.Pins(await Resolve.RunAsync(index, TestManifests.Manifest("a", "b"), options: ResolverOptions.Default with { Observer = observer }));

        Assert.Equal(["a==1.0", "b==1.0", "c==2.0"], pins);
        Assert.Contains("a 2.0 x86_64-linux", observer.Told());
        Assert.Contains("a 1.0 x86_64-linux", observer.Told());
        Assert.Equal(observer.Told().Distinct().Count(), observer.Told().Count);
    }

    [Fact]
    public async Task Each_system_tells_its_own_pins_concurrently()
    {
        var index = new InMemoryPackageIndex().Add("a", "1.0", "b").Add("b", "1.0");
        var observer = new RecordingObserver();

        await Resolve.RunAsync(index, TestManifests.Manifest("a"), TestManifests.AllSystems, ResolverOptions.Default with { Observer = observer });

        var expected = NixSystem.All.SelectMany(system => new[] { $"a 1.0 {system}", $"b 1.0 {system}" }).Order(StringComparer.Ordinal);
        Assert.Equal(expected, observer.Told());
    }

    [Fact]
    public async Task An_observer_that_throws_ends_the_resolution_with_its_exception_inside()
    {
        var index = new InMemoryPackageIndex().Add("a", "1.0", "b").Add("b", "1.0");
        var observer = new ThrowingObserver();

        var exception = await Assert.ThrowsAsync<ResolutionObserverException>(
            () => Resolve.RunAsync(index, TestManifests.Manifest("a"), options: ResolverOptions.Default with { Observer = observer }));

        Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal("a", exception.Release!.Name.ToString());
    }

    private sealed class RecordingObserver : IResolutionObserver
    {
        private readonly ConcurrentQueue<PinnedRelease> _pins = new();

        public IReadOnlyCollection<PinnedRelease> Pins => _pins;

        public void Pinned(PinnedRelease release) => _pins.Enqueue(release);

        public List<string> Told() => [.. _pins.Select(pin => $"{pin.Name} {pin.Version} {pin.System}").Order(StringComparer.Ordinal)];
    }

    private sealed class ThrowingObserver : IResolutionObserver
    {
        public void Pinned(PinnedRelease release) => throw new InvalidOperationException("observer bug");
    }
}
