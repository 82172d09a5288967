using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class SmokeTests
{
    [Fact]
    public async Task Lists_reads_metadata_and_hashes()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var listing = await test.Client.GetProjectAsync(PackageName.Parse("requests"), default);
        var wheel = listing.Files.Last(f => f.Filename.EndsWith(".whl", StringComparison.Ordinal));
        var metadata = await test.Client.GetMetadataAsync(wheel, default);
        var digest = await test.Client.GetSha256Async(wheel with { Sha256 = null }, default);

        Assert.NotEmpty(listing.Files);
        Assert.Equal("requests", metadata.Name);
        Assert.Equal(wheel.Sha256, digest);
        foreach (var e in test.Events)
        {
            Console.WriteLine(e);
        }
    }
}
