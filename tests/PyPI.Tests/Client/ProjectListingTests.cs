using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class ProjectListingTests
{
    private static readonly PackageName EdgeYanked = PackageName.Parse("edge-yanked");

    [Fact]
    public async Task Lists_a_projects_files_from_the_json_simple_api()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var listing = await test.Client.GetProjectAsync(EdgeYanked, default);

        Assert.Equal(EdgeYanked, listing.Name);
        Assert.Equal(6, listing.Files.Count);
        var sdist = listing.Files[0];
        Assert.Equal("edge-yanked-1.0.0.tar.gz", sdist.Filename);
        Assert.Equal(server.Url("/packages/source/e/edge-yanked/edge-yanked-1.0.0.tar.gz"), sdist.Url);
        Assert.Equal("5f2c2e3c73a2975ab9fbe3c7b3909a1522ec46a35eef3674debaedd4a22cd452", sdist.Sha256?.ToHex());
        // A size is only in the JSON form: the client negotiated PEP 691 JSON.
        Assert.Equal(475, sdist.Size);
        Assert.False(sdist.HasCoreMetadata);
        var wheel = listing.Files[1];
        Assert.True(wheel.HasCoreMetadata);
        Assert.Equal("7db4058ce81504b1dcdc93b8d06aa58f908e45dc4ed2a8cfc874ae72e76d1a66", wheel.CoreMetadataSha256?.ToHex());
        Assert.Equal([false, false, true, true, true, true], listing.Files.Select(f => f.Yanked));
        Assert.Equal([null, null, "broken build, use 1.0.0", "broken build, use 1.0.0", null, null], listing.Files.Select(f => f.YankedReason));
        Assert.Equal(1, server.Requests.Total);
    }

    [Fact]
    public async Task Reads_requires_python_files_without_digests_and_capitalised_names()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var requiresPython = await test.Client.GetProjectAsync(PackageName.Parse("edge-requires-python"), default);
        var noDigest = await test.Client.GetProjectAsync(PackageName.Parse("edge-no-digest"), default);
        var capitalised = await test.Client.GetProjectAsync(PackageName.Parse("Edge_Capitalised"), default);

        Assert.Equal(["<3", "<3", ">=3.7", ">=3.7", ">=3.12", ">=3.12"], requiresPython.Files.Select(f => f.RequiresPython));
        Assert.All(noDigest.Files, f => Assert.Null(f.Sha256));
        Assert.True(noDigest.Files[1].HasCoreMetadata);
        Assert.Null(noDigest.Files[1].CoreMetadataSha256);
        Assert.NotEmpty(capitalised.Files);
        // Normalized names are asked directly: no redirect.
        Assert.Equal(1, server.Requests.CountFor("/simple/edge-capitalised/"));
        Assert.Equal(3, server.Requests.Total);
    }

    [Fact]
    public async Task Falls_back_to_html_when_the_server_answers_html_and_reads_the_same_files()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var json = TestClient.For(server);
        var options = TestClient.OptionsFor(server);
        using var html = new TestClient(
            options with { HandlerFactory = RecordingHandler.Factory(options, out _, AcceptOnlyHtml) },
            ownsCache: false);
        var projects = Directory.GetDirectories(Path.Combine(server.Root, "simple")).Select(d => PackageName.Parse(Path.GetFileName(d))).ToList();

        foreach (var project in projects)
        {
            var fromJson = await json.Client.GetProjectAsync(project, default);
            var fromHtml = await html.Client.GetProjectAsync(project, default);

            // HTML has no sizes; everything else must agree.
            Assert.Equal(fromJson.Files.Select(f => Canonical.Describe(f with { Size = null })), fromHtml.Files.Select(Canonical.Describe));
        }
        Assert.Equal(32, projects.Count);
    }

    [Fact]
    public async Task A_project_no_index_has_is_not_found_after_one_request()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var error = await Assert.ThrowsAsync<PackageNotFoundException>(() => test.Client.GetProjectAsync(PackageName.Parse("ordereddict"), default));

        Assert.Equal(PackageName.Parse("ordereddict"), error.Name);
        Assert.Contains(server.SimpleUrl.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests.CountFor("/simple/ordereddict/", 404));
        Assert.Equal(1, server.Requests.Total);
    }

    [Fact]
    public async Task Finding_a_project_no_index_has_answers_null_and_asks_once()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var first = await test.Client.FindProjectAsync(PackageName.Parse("ordereddict"), default);
        var again = await test.Client.FindProjectAsync(PackageName.Parse("ordereddict"), default);
        var six = await test.Client.FindProjectAsync(PackageName.Parse("six"), default);

        Assert.Null(first);
        Assert.Null(again);
        Assert.NotNull(six);
        Assert.NotEmpty(six.Files);
        Assert.Equal(1, server.Requests.CountFor("/simple/ordereddict/", 404));
        Assert.Equal(2, server.Requests.Total);
    }

    [Fact]
    public async Task Several_indexes_give_the_union_of_their_files_in_index_order()
    {
        await using var primary = await FixtureIndexServer.StartAsync();
        await using var extra = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None.WithFixedStatus("/simple/requests/", 404),
        });
        using var test = TestClient.For(primary, configure: o => o with { ExtraIndexUrls = [extra.SimpleUrl] });

        var idna = await test.Client.GetProjectAsync(PackageName.Parse("idna"), default);
        var requests = await test.Client.GetProjectAsync(PackageName.Parse("requests"), default);
        var missing = await Assert.ThrowsAsync<PackageNotFoundException>(() => test.Client.GetProjectAsync(PackageName.Parse("ordereddict"), default));

        var half = idna.Files.Count / 2;
        Assert.All(idna.Files.Take(half), f => Assert.Equal(primary.Port, f.Url.Port));
        Assert.All(idna.Files.Skip(half), f => Assert.Equal(extra.Port, f.Url.Port));
        Assert.Equal(idna.Files.Take(half).Select(f => f.Filename), idna.Files.Skip(half).Select(f => f.Filename));
        Assert.All(requests.Files, f => Assert.Equal(primary.Port, f.Url.Port));
        Assert.All(idna.Files, f => Assert.Equal(PackageName.Parse("idna"), f.ListedBy?.Project));
        Assert.All(idna.Files.Skip(half), f => Assert.Equal(extra.SimpleUrl, Assert.IsType<IndexListing>(f.ListedBy).Index.SimpleUrl));
        Assert.Contains(primary.SimpleUrl.AbsoluteUri, missing.Message, StringComparison.Ordinal);
        Assert.Contains(extra.SimpleUrl.AbsoluteUri, missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_index_failing_fails_the_listing_rather_than_hiding_its_files()
    {
        await using var primary = await FixtureIndexServer.StartAsync();
        await using var extra = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None.WithFixedStatus("/simple/idna/", 500),
        });
        using var test = TestClient.For(primary, configure: o => o with { ExtraIndexUrls = [extra.SimpleUrl], Retry = TestClient.FastRetries with { MaxRetries = 2 } });

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("idna"), default));

        Assert.Equal(extra.Url("/simple/idna/").AbsoluteUri, error.Url);
    }

    [Fact]
    public async Task Concurrent_requests_for_a_project_share_one_request()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { Latency = TimeSpan.FromMilliseconds(100) },
        });
        using var test = TestClient.For(server);

        var listings = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => test.Client.GetProjectAsync(PackageName.Parse("six"), default)));
        var again = await test.Client.GetProjectAsync(PackageName.Parse("SIX"), default);

        Assert.All(listings, l => Assert.Same(listings[0], l));
        Assert.Same(listings[0], again);
        Assert.Equal(1, server.Requests.Total);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_request()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { Latency = TimeSpan.FromMilliseconds(300) },
        });
        using var test = TestClient.For(server);
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var cancelled = test.Client.GetProjectAsync(PackageName.Parse("six"), impatient.Token);
        var patient = test.Client.GetProjectAsync(PackageName.Parse("six"), default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.NotEmpty((await patient).Files);
        Assert.Equal(1, server.Requests.Total);
    }

    private static void AcceptOnlyHtml(HttpRequestMessage request)
    {
        if (request.RequestUri!.AbsolutePath.StartsWith("/simple/", StringComparison.Ordinal))
        {
            request.Headers.Remove("Accept");
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
        }
    }
}
