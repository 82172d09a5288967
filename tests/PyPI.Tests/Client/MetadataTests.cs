using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class MetadataTests
{
    [Fact]
    public async Task Reads_pep_658_metadata_files_and_nothing_else()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, configure: MetadataDocuments);
        var wheel = await FileAsync(test, "requests", "requests-2.25.0-py3-none-any.whl");

        var metadata = await test.Client.GetMetadataAsync(wheel, default);

        Assert.Equal("requests", metadata.Name);
        Assert.Equal("2.25.0", metadata.Version.ToString());
        Assert.Equal(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", metadata.RequiresPython);
        Assert.Contains("urllib3<1.27,>=1.21.1", metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(["security", "socks"], metadata.ProvidesExtra.Select(e => e.Value));
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata", 200));
        Assert.Equal(2, server.Requests.Total);
    }

    [Fact]
    public async Task A_metadata_file_that_does_not_match_its_digest_is_caught()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, configure: MetadataDocuments);
        var wheel = await FileAsync(test, "requests", "requests-2.25.0-py3-none-any.whl");
        server.Faults = FaultSettings.None.WithCorruptedBody(wheel.Url.AbsolutePath + ".metadata");

        var error = await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetMetadataAsync(wheel, default));

        Assert.Equal("requests-2.25.0-py3-none-any.whl.metadata", error.Filename);
        Assert.Contains(wheel.CoreMetadataSha256!.Value.ToHex(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_pep_658_metadata_the_json_api_beside_the_index_answers()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, configure: MetadataDocuments);
        var wheel = await FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-2.0.0-py3-none-any.whl");

        var metadata = await test.Client.GetMetadataAsync(wheel, default);

        Assert.Equal(["click>=7", "itsdangerous>=1.1"], metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(">=3.6", metadata.RequiresPython);
        Assert.Equal(1, server.Requests.CountFor("/pypi/edge-no-core-metadata/2.0.0/json", 200));
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath));
    }

    [Fact]
    public async Task When_the_json_api_does_not_know_the_dependencies_the_sdist_is_read()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);
        var sdist = await FileAsync(test, "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");

        var metadata = await test.Client.GetMetadataAsync(sdist, default);

        Assert.Equal(["requests>=2.20", "edge-yanked"], metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(">=3.6", metadata.RequiresPython);
        Assert.Equal(1, server.Requests.CountFor("/pypi/edge-sdist-only/1.0.0/json", 200));
        Assert.Equal(1, server.Requests.CountFor(sdist.Url.AbsolutePath, 200));
    }

    [Fact]
    public async Task An_index_without_a_json_api_gets_its_metadata_from_the_wheel()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var options = TestClient.OptionsFor(server, TestClient.NewCacheDirectory()) with { IndexUrl = server.Url("/repo/") };
        using var test = new TestClient(options with { HandlerFactory = RecordingHandler.Factory(options, out _, ServeRepoAsSimple) }, ownsCache: true);
        var wheel = await FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-2.0.0-py3-none-any.whl");

        var metadata = await test.Client.GetMetadataAsync(wheel, default);

        Assert.Equal(["click>=7", "itsdangerous>=1.1"], metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(0, server.Requests.CountsByPath().Keys.Count(p => p.StartsWith("/pypi/", StringComparison.Ordinal)));
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath, 200));
    }

    [Fact]
    public async Task A_json_api_that_is_not_there_is_asked_once_per_index()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None
                .WithFixedStatus("/pypi/edge-no-core-metadata/1.0.0/json", 404)
                .WithFixedStatus("/pypi/edge-no-core-metadata/2.0.0/json", 404),
        });
        using var test = TestClient.For(server, configure: MetadataDocuments);
        var first = await FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-1.0.0-py3-none-any.whl");
        var second = await FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-2.0.0-py3-none-any.whl");

        var one = await test.Client.GetMetadataAsync(first, default);
        var two = await test.Client.GetMetadataAsync(second, default);

        Assert.Equal("1.0.0", one.Version.ToString());
        Assert.Equal("2.0.0", two.Version.ToString());
        Assert.Equal(1, server.Requests.CountFor("/pypi/edge-no-core-metadata/1.0.0/json", 404));
        Assert.Equal(0, server.Requests.CountFor("/pypi/edge-no-core-metadata/2.0.0/json"));
    }

    [Fact]
    public async Task A_json_api_that_keeps_failing_is_given_up_for_the_distributions()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None
                .WithFixedStatus("/pypi/edge-no-core-metadata/1.0.0/json", 503)
                .WithFixedStatus("/pypi/edge-no-core-metadata/2.0.0/json", 503),
        });
        using var test = TestClient.For(server, configure: o => MetadataDocuments(o) with { Retry = TestClient.FastRetries with { MaxRetries = 2 } });
        var first = await FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-1.0.0-py3-none-any.whl");
        var second = await FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-2.0.0-py3-none-any.whl");

        var one = await test.Client.GetMetadataAsync(first, default);
        var two = await test.Client.GetMetadataAsync(second, default);

        Assert.Equal("1.0.0", one.Version.ToString());
        Assert.Equal(["click>=7", "itsdangerous>=1.1"], two.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(3, server.Requests.CountFor("/pypi/edge-no-core-metadata/1.0.0/json", 503));
        Assert.Equal(0, server.Requests.CountFor("/pypi/edge-no-core-metadata/2.0.0/json"));
        Assert.Equal(1, server.Requests.CountFor(second.Url.AbsolutePath, 200));
        Assert.Contains(test.Events, e => e.Kind == IndexClientEventKind.Warning && e.Message.Contains("JSON API is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_announced_metadata_file_that_is_missing_falls_back_with_a_warning()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, configure: MetadataDocuments);
        var wheel = await FileAsync(test, "idna", "idna-2.10-py3-none-any.whl");
        server.Faults = FaultSettings.None.WithFixedStatus(wheel.Url.AbsolutePath + ".metadata", 404);

        var metadata = await test.Client.GetMetadataAsync(wheel, default);

        Assert.Equal("2.10", metadata.Version.ToString());
        Assert.Equal(1, server.Requests.CountFor("/pypi/idna/2.10/json", 200));
        Assert.Contains(test.Events, e => e.Kind == IndexClientEventKind.Warning && e.Message.Contains(".metadata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_is_asked_once_however_often_it_is_needed()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { Latency = TimeSpan.FromMilliseconds(50) },
        });
        using var test = TestClient.For(server);
        var listing = await test.Client.GetProjectAsync(PackageName.Parse("edge-sdist-only"), default);
        var sdist = listing.Files.Single();

        var all = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => test.Client.GetMetadataAsync(sdist, default)));

        Assert.All(all, m => Assert.Same(all[0], m));
        Assert.Equal(1, server.Requests.CountFor("/pypi/edge-sdist-only/1.0.0/json"));
        Assert.Equal(1, server.Requests.CountFor(sdist.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_file_the_client_never_listed_still_finds_its_metadata()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);
        var file = new DistributionFile("edge_no_core_metadata-1.0.0-py3-none-any.whl", server.Url("/packages/py3/e/edge-no-core-metadata/edge_no_core_metadata-1.0.0-py3-none-any.whl"));

        var metadata = await test.Client.GetMetadataAsync(file, default);

        Assert.Equal("edge-no-core-metadata", metadata.Name);
        Assert.Equal(1, server.Requests.CountFor("/pypi/edge-no-core-metadata/1.0.0/json", 200));
    }

    /// <summary>Small wheels' metadata from their .metadata documents (or the JSON API), as for any wheel, not from the wheels.</summary>
    internal static PyPIClientOptions MetadataDocuments(PyPIClientOptions options) => options with { WholeWheelMetadataBytes = 0 };

    internal static async Task<DistributionFile> FileAsync(TestClient test, string project, string filename)
    {
        var listing = await test.Client.GetProjectAsync(PackageName.Parse(project), default);
        return listing.Files.Single(f => f.Filename == filename);
    }

    private static void ServeRepoAsSimple(HttpRequestMessage request)
    {
        var url = request.RequestUri!;
        if (url.AbsolutePath.StartsWith("/repo/", StringComparison.Ordinal))
        {
            request.RequestUri = new UriBuilder(url) { Path = "/simple/" + url.AbsolutePath["/repo/".Length..] }.Uri;
        }
    }
}
