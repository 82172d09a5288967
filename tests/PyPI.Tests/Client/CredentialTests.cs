using System.Text;
using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class CredentialTests
{
    private const string User = "alice-the-user";
    private const string Password = "s3cr3t-t0ken";
    private static readonly string BasicToken = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    [Fact]
    public async Task Credentials_in_the_index_url_are_used_and_never_leak()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None.WithFixedStatus("/simple/six/", 503),
        }.RequireBasicAuth(User, Password));
        var indexUrl = new Uri($"http://{User}:{Password}@127.0.0.1:{server.Port}/simple/");
        var options = TestClient.OptionsFor(server, TestClient.NewCacheDirectory()) with
        {
            IndexUrl = indexUrl,
            VerifyIndexDigests = true,
            Retry = TestClient.FastRetries with { MaxRetries = 1 },
        };
        using var test = new TestClient(options with { HandlerFactory = RecordingHandler.Factory(options, out var handler) }, ownsCache: true);
        var shown = new List<string> { test.Client.Options.ToString() };

        var closure = await ClosureWalker.WalkAsync(test.Client, "requests==2.25.0", "edge-sdist-only", "edge-no-core-metadata");
        foreach (var chosen in closure.Chosen.Values)
        {
            await test.Client.GetSha256Async(chosen.File, default);
        }
        var sdist = closure.Chosen[PackageName.Parse("edge-sdist-only")].File;
        await test.Client.GetDistributionAsync(sdist, 1 << 20, default);
        shown.Add((await Assert.ThrowsAsync<PackageNotFoundException>(() => test.Client.GetProjectAsync(PackageName.Parse("no-such-project"), default))).ToString());
        shown.Add((await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("six"), default))).ToString());
        shown.Add((await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetSha256Async(sdist, [new("sha256", new string('0', 64))], default))).ToString());
        var unhashed = closure.Listings[PackageName.Parse("requests")].Files[0];
        server.Faults = server.Faults.WithCorruptedBody(unhashed.Url.AbsolutePath);
        shown.Add((await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetSha256Async(unhashed, default))).ToString());

        shown.AddRange(test.Events.Select(e => $"{e.Url} {e.Message} {e}"));
        shown.AddRange(closure.Listings.Values.SelectMany(l => l.Files).Select(f => $"{f.Url} {f}"));
        Assert.True(test.Events.Count > 20);
        Assert.All(shown, text =>
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(User, text, StringComparison.Ordinal);
            Assert.DoesNotContain(BasicToken, text, StringComparison.Ordinal);
        });
        Assert.All(handler().Requests, r => Assert.Equal($"Basic {BasicToken}", r.Authorization));
        Assert.Equal(0, server.Requests.CountWithStatus(401));
    }

    [Fact]
    public async Task Url_credentials_go_to_their_own_origin_only()
    {
        await using var secured = await FixtureIndexServer.StartAsync(new FixtureIndexOptions().RequireBasicAuth(User, Password));
        await using var open = await FixtureIndexServer.StartAsync();
        var options = TestClient.OptionsFor(secured) with
        {
            IndexUrl = new Uri($"http://{User}:{Password}@127.0.0.1:{secured.Port}/simple/"),
            ExtraIndexUrls = [new Uri($"http://localhost:{open.Port}/simple/")],
            VerifyIndexDigests = true,
        };
        using var test = new TestClient(options with { HandlerFactory = RecordingHandler.Factory(options, out var handler) }, ownsCache: false);

        var listing = await test.Client.GetProjectAsync(PackageName.Parse("idna"), default);
        await Task.WhenAll(listing.Files.Select(f => test.Client.GetSha256Async(f, default)));

        var requests = handler().Requests.ToList();
        Assert.Contains(requests, r => r.Url.Port == open.Port);
        Assert.All(requests.Where(r => r.Url.Port == open.Port), r => Assert.Null(r.Authorization));
        Assert.All(requests.Where(r => r.Url.Port == secured.Port), r => Assert.NotNull(r.Authorization));
    }

    [Fact]
    public async Task Netrc_credentials_go_to_their_host_only()
    {
        await using var secured = await FixtureIndexServer.StartAsync(new FixtureIndexOptions().RequireBasicAuth(User, Password));
        await using var open = await FixtureIndexServer.StartAsync();
        var options = TestClient.OptionsFor(secured) with
        {
            ExtraIndexUrls = [new Uri($"http://localhost:{open.Port}/simple/")],
            NetrcText = $"machine 127.0.0.1\n  login {User}\n  password {Password}\n",
        };
        using var test = new TestClient(options with { HandlerFactory = RecordingHandler.Factory(options, out var handler) }, ownsCache: false);

        var listing = await test.Client.GetProjectAsync(PackageName.Parse("six"), default);

        Assert.NotEmpty(listing.Files);
        var requests = handler().Requests.ToList();
        Assert.Equal($"Basic {BasicToken}", requests.Single(r => r.Url.Host == "127.0.0.1").Authorization);
        Assert.Null(requests.Single(r => r.Url.Host == "localhost").Authorization);
        Assert.All(test.Events, e => Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_follow_a_redirect_on_the_same_origin()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions().RequireBasicAuth(User, Password));
        using var test = new TestClient(TestClient.OptionsFor(server) with
        {
            IndexUrl = new Uri($"http://{User}:{Password}@127.0.0.1:{server.Port}/simple/"),
            WholeWheelMetadataBytes = 0,
        }, ownsCache: false);
        // The JSON API redirects a name other than the display name (jinja2 → Jinja2).
        var wheel = (await test.Client.GetProjectAsync(PackageName.Parse("jinja2"), default)).Files.First(f => f.Filename.EndsWith(".whl", StringComparison.Ordinal));

        var metadata = await test.Client.GetMetadataAsync(wheel with { HasCoreMetadata = false }, default);

        Assert.Equal("Jinja2", metadata.Name);
        Assert.Equal(1, server.Requests.CountFor($"/pypi/jinja2/{metadata.Version}/json", 301));
        Assert.Equal(1, server.Requests.CountFor($"/pypi/Jinja2/{metadata.Version}/json", 200));
        Assert.Equal(0, server.Requests.CountWithStatus(401));
    }
}
