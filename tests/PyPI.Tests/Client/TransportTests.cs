using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Caching;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class TransportTests
{
    [Fact]
    public async Task Documents_arrive_compressed_and_are_kept_decompressed()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);

        var listing = await test.Client.GetProjectAsync(PackageName.Parse("requests"), default);

        using var entry = new DiskCache(test.CacheDirectory!, _ => { }).TryRead(DocumentSource.CacheKey(server.Url("/simple/requests/")));
        Assert.NotNull(entry);
        // The server tags each content coding's representation: "-gzip" is the compressed one.
        Assert.EndsWith("-gzip\"", entry.Headers.ETag, StringComparison.Ordinal);
        Assert.Equal((byte)'{', entry.Body.Span[0]);
        Assert.Equal("application/vnd.pypi.simple.v1+json", entry.Headers.ContentType);
        Assert.NotEmpty(listing.Files);
        Assert.Equal(entry.Body.Length, test.Client.Counts.BytesReceived);
    }

    [Fact]
    public async Task Requests_say_who_is_asking_and_ask_for_http2_where_offered()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var options = TestClient.OptionsFor(server);
        var versions = new List<(Version, HttpVersionPolicy, string)>();
        using var test = new TestClient(
            options with
            {
                HandlerFactory = RecordingHandler.Factory(options, out _, request => versions.Add((request.Version, request.VersionPolicy, request.Headers.UserAgent.ToString()))),
            },
            ownsCache: false);

        await test.Client.GetProjectAsync(PackageName.Parse("six"), default);

        var (version, policy, agent) = Assert.Single(versions);
        Assert.Equal(new Version(2, 0), version);
        Assert.Equal(HttpVersionPolicy.RequestVersionOrLower, policy);
        Assert.StartsWith("req2nix/", agent, StringComparison.Ordinal);
    }
}
