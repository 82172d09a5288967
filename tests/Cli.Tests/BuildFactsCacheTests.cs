using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Cli.Tests;

public sealed class BuildFactsCacheTests : IDisposable
{
    private static readonly Sha256Digest File1 = Sha256Digest.Compute("file 1"u8);
    private readonly string _cache = Directory.CreateTempSubdirectory("req2nix-build-facts-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public void What_is_put_is_read_back_at_once_and_after_it_is_on_disk()
    {
        var other = Sha256Digest.Compute("file 2"u8);
        using (var writing = new BuildFactsCache(_cache))
        {
            writing.Put(File1, new BuildFacts([Requirement.Parse("setuptools>=61"), Requirement.Parse("wheel; python_version < \"3.12\"")], ["mako", "_mako_ext"]));
            writing.Put(other, new BuildFacts(null, []));
            AssertReadBack(writing);
        }
        using var reading = new BuildFactsCache(_cache);
        AssertReadBack(reading);

        void AssertReadBack(BuildFactsCache cache)
        {
            Assert.True(cache.TryGet(File1, out var facts));
            Assert.Equal(["setuptools>=61", "wheel; python_version < \"3.12\""], facts.BuildRequires!.Select(r => r.ToString()));
            Assert.Equal(["mako", "_mako_ext"], facts.TopLevelModules);
            Assert.True(cache.TryGet(other, out var none));
            Assert.Null(none.BuildRequires);
            Assert.Empty(none.TopLevelModules);
            Assert.False(cache.TryGet(Sha256Digest.Compute("never put"u8), out _));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"buildRequires\":null,\"topLevelModules\":[\"a\"]")]
    [InlineData("[]")]
    [InlineData("{\"topLevelModules\":[\"a\"]}")]
    [InlineData("{\"buildRequires\":null}")]
    [InlineData("{\"buildRequires\":null,\"topLevelModules\":{\"topLevelModules\":[\"a\"]}}")]
    [InlineData("{\"buildRequires\":null,\"topLevelModules\":[1]}")]
    [InlineData("{\"buildRequires\":[\"not a requirement !\"],\"topLevelModules\":[]}")]
    public void A_damaged_entry_counts_as_missing(string entry)
    {
        PutAndWrite(File1, new BuildFacts(null, ["a"]));
        using var cache = new BuildFactsCache(_cache);
        File.WriteAllText(Path.Combine(_cache, "build-facts-v1", File1.ToHex() + ".json"), entry);

        Assert.False(cache.TryGet(File1, out _));
    }

    [Fact]
    public void Unknown_fields_are_skipped()
    {
        PutAndWrite(File1, new BuildFacts(null, ["a"]));
        using var cache = new BuildFactsCache(_cache);
        File.WriteAllText(
            Path.Combine(_cache, "build-facts-v1", File1.ToHex() + ".json"),
            "{\"later\":{\"x\":[1,2]},\"buildRequires\":[\"flit_core\"],\"topLevelModules\":[\"a\"]}");

        Assert.True(cache.TryGet(File1, out var facts));
        Assert.Equal("flit_core", Assert.Single(facts.BuildRequires!).ToString());
    }

    private void PutAndWrite(Sha256Digest file, BuildFacts facts)
    {
        using var cache = new BuildFactsCache(_cache);
        cache.Put(file, facts);
    }
}
