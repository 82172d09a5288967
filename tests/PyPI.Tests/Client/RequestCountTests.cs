using Req2Nix.FixtureIndex;
using Req2Nix.Tests.Shared;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class RequestCountTests
{
    [Fact]
    public async Task A_closure_costs_one_request_per_project_page_and_one_per_metadata_document()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var closure = await ClosureWalker.WalkAsync(
            test.Client,
            "requests[security,socks]", "flask[dotenv]", "Edge_Capitalised[cli]", "edge-yanked", "edge-prerelease-only", "edge-no-digest");

        var pages = closure.Listings.Count + closure.Missing.Count;
        var metadata = closure.Chosen.Count;
        Assert.Equal(pages + metadata, server.Requests.Total);
        Assert.Equal(pages, server.Requests.CountsByPath().Keys.Count(p => p.StartsWith("/simple/", StringComparison.Ordinal)));
        Assert.All(server.Requests.CountsByPath().Values, count => Assert.Equal(1, count));
        Assert.Equal(test.Client.Counts.Requests, server.Requests.Total);
        Assert.Equal(23, closure.Chosen.Count);
    }

    [SharedFact("pypi-mirror")]
    public async Task On_the_shared_mirror_a_large_closure_costs_one_request_per_document()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = await MirrorBuilder.SharedMirrorAsync() });
        using var test = TestClient.For(server);

        var closure = await ClosureWalker.WalkAsync(test.Client, "boto3", "jupyter", "pandas", "scikit-learn", "django", "celery[redis]", "sphinx");

        Assert.Equal(closure.Listings.Count + closure.Missing.Count + closure.Chosen.Count, server.Requests.Total);
        Assert.All(server.Requests.CountsByPath().Values, count => Assert.Equal(1, count));
        Assert.True(closure.Chosen.Count >= 50, $"{closure.Chosen.Count} projects");
    }
}
