using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Releases;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests.Releases;

public class PrefetcherTests
{
    [Fact]
    public async Task Only_the_newest_version_is_read_ahead_when_its_dependencies_offer_versions()
    {
        var index = new InMemoryPackageIndex()
            .Add("tool", "3.0", "helper>=1")
            .Add("tool", "2.0", "helper>=1")
            .Add("tool", "1.0")
            .Add("helper", "1.0");

        await PrefetchAsync(index, "tool");

        Assert.Equal(["tool-3.0", "helper-1.0"], MetadataRead(index));
    }

    [Fact]
    public async Task Versions_are_read_ahead_down_to_the_first_whose_dependencies_all_offer_versions()
    {
        var index = new InMemoryPackageIndex()
            .Add("tool", "10.0", "gone>=1")
            .Add("tool", "9.0", "gone>=1")
            .Add("tool", "8.0", "helper>=9")
            .Add("tool", "7.0", "helper")
            .Add("helper", "1.0");
        for (var major = 1; major <= 6; major++)
        {
            index.Add("tool", $"{major}.0", "helper");
        }

        await PrefetchAsync(index, "tool");

        var read = MetadataRead(index);
        // 10.0 and 9.0 need a project no index has, 8.0 a helper no index offers: the solver will try 7.0.
        Assert.Subset(read.ToHashSet(), new HashSet<string> { "tool-10.0", "tool-9.0", "tool-8.0", "tool-7.0", "helper-1.0" });
        // The walk reaches at most a few versions past the last unpinnable one (8.0), and goes on
        // from no version that can be pinned.
        Assert.DoesNotContain("tool-1.0", read);
    }

    [Fact]
    public async Task A_walk_down_is_bounded_even_when_no_version_can_be_pinned()
    {
        var index = new InMemoryPackageIndex();
        for (var major = 1; major <= 60; major++)
        {
            index.Add("tool", $"{major}.0", "gone");
        }

        await PrefetchAsync(index, "tool");

        // The newest and the 32 versions after it.
        var read = MetadataRead(index);
        Assert.Equal(33, read.Count);
        Assert.Contains("tool-28.0", read);
    }

    private static async Task PrefetchAsync(InMemoryPackageIndex index, string requirement)
    {
        using var store = new ReleaseStore(index, IndexSettings.PyPI, maxConcurrentRequests: 4, CancellationToken.None);
        var prefetcher = new Prefetcher(store, [new TargetEnvironment(NixSystem.LinuxX64, TestManifests.Python311)], budget: 1000);
        prefetcher.Hint(Requirement.Parse(requirement));
        await prefetcher.WhenQuiet();
    }

    /// <summary>The releases whose metadata was asked of the index, as <c>name-version</c>.</summary>
    private static List<string> MetadataRead(InMemoryPackageIndex index) =>
        [.. index.Log.Where(entry => entry.StartsWith("metadata ", StringComparison.Ordinal)).Select(ReleaseOf)];

    private static string ReleaseOf(string logEntry)
    {
        var file = logEntry["metadata ".Length..];
        var parts = file.Split('-');
        return $"{parts[0]}-{parts[1]}";
    }
}
