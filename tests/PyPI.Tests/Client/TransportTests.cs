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
        using var test = TestClient.For(server, configure: MetadataTests.MetadataDocuments);
        var wheel = await MetadataTests.FileAsync(test, "edge-no-core-metadata", "edge_no_core_metadata-2.0.0-py3-none-any.whl");
        var pageBytes = test.Client.Counts.BytesReceived;
        await test.Client.GetMetadataAsync(wheel, default);
        test.Client.Dispose(); // waits until its cache entries are on disk
        using var cache = new DiskCache(test.CacheDirectory!, _ => { });

        // The server tags each content coding's representation: "-gzip" is the compressed one.
        using var page = cache.TryRead(DocumentSource.CacheKey(server.Url("/simple/edge-no-core-metadata/")));
        Assert.NotNull(page);
        Assert.EndsWith("-gzip\"", page.Headers.ETag, StringComparison.Ordinal);
        using var release = cache.TryRead(DocumentSource.CacheKey(server.Url("/pypi/edge-no-core-metadata/2.0.0/json")));
        Assert.NotNull(release);
        Assert.EndsWith("-gzip\"", release.Headers.ETag, StringComparison.Ordinal);
        Assert.Equal((byte)'{', release.Body.Span[0]);
        Assert.Equal("application/json", release.Headers.ContentType);
        Assert.Equal(release.Body.Length, test.Client.Counts.BytesReceived - pageBytes);
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
