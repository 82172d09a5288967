using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests.Releases;

public class ReleaseStoreDigestTests
{
    [Fact]
    public async Task Digests_an_index_states_are_taken_without_asking_for_them()
    {
        var inner = new InMemoryPackageIndex()
            .Add("tool", "2.0", "helper>=1")
            .Add("helper", "1.0");
        var index = new StatingIndex(inner, states: _ => true);

        var resolution = await Resolve.RunAsync(index, TestManifests.Manifest("tool"));

        Assert.Equal(0, inner.DigestRequests);
        var files = resolution.Packages.SelectMany(package => package.Files).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, file => Assert.Equal(InMemoryPackageIndex.DigestOf(file.Filename), file.Sha256));
    }

    [Fact]
    public async Task Digests_that_take_a_request_are_asked_for_through_the_index()
    {
        var inner = new InMemoryPackageIndex()
            .Add("tool", "2.0", "helper>=1")
            .Add("helper", "1.0");
        var index = new StatingIndex(inner, states: file => file.Filename.StartsWith("tool", StringComparison.Ordinal));

        var resolution = await Resolve.RunAsync(index, TestManifests.Manifest("tool"));

        Assert.Equal(["sha256 helper-1.0-py3-none-any.whl"], inner.Log.Where(entry => entry.StartsWith("sha256 ", StringComparison.Ordinal)));
        Assert.All(resolution.Packages.SelectMany(package => package.Files), file => Assert.Equal(InMemoryPackageIndex.DigestOf(file.Filename), file.Sha256));
    }

    /// <summary>An index that answers the digests of the files <paramref name="states"/> picks without a request.</summary>
    private sealed class StatingIndex(InMemoryPackageIndex inner, Func<DistributionFile, bool> states) : IPackageIndex
    {
        public Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken) =>
            inner.FindProjectAsync(name, cancellationToken);

        public Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken) =>
            inner.GetMetadataAsync(file, cancellationToken);

        public Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken) =>
            inner.GetSha256Async(file, cancellationToken);

        public bool TryGetSha256WithoutRequest(DistributionFile file, out Sha256Digest sha256)
        {
            sha256 = InMemoryPackageIndex.DigestOf(file.Filename);
            return states(file);
        }
    }
}
