using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Caching;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class WholeWheelMetadataTests : IDisposable
{
    private const string Project = "requests";
    private const string Filename = "requests-2.25.0-py3-none-any.whl";

    /// <summary>As the CLI's build-facts reader asks for a file: its URL and digest, no size, a large limit, not kept.</summary>
    private const long BuildFactsLimit = 128L * 1024 * 1024;

    private readonly string _cache = TestClient.NewCacheDirectory();

    public void Dispose() => TestClient.DeleteDirectory(_cache);

    [Fact]
    public async Task A_small_wheels_metadata_is_read_from_the_wheel_in_the_one_request_its_metadata_file_would_cost()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, _cache);
        var wheel = await MetadataTests.FileAsync(test, Project, Filename);
        Assert.True(wheel.Size <= PyPIClientOptions.DefaultWholeWheelMetadataBytes);
        server.Requests.Reset();

        var metadata = await test.Client.GetMetadataAsync(wheel, default);

        Assert.Equal(1, server.Requests.Total);
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath, 200));
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata"));
        Assert.Contains(test.Events, e => e.Kind == IndexClientEventKind.Detail && e.Message.Contains("read from the wheel", StringComparison.Ordinal));
        using var documents = TestClient.For(server, configure: MetadataTests.MetadataDocuments);
        var fromDocument = await documents.Client.GetMetadataAsync(await MetadataTests.FileAsync(documents, Project, Filename), default);
        Assert.Equal(Describe(fromDocument), Describe(metadata));
    }

    [Fact]
    public async Task The_wheel_read_for_its_metadata_is_not_downloaded_again_by_this_client_or_the_next()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        DistributionFile wheel;
        using (var first = TestClient.For(server, _cache))
        {
            wheel = await MetadataTests.FileAsync(first, Project, Filename);
            await first.Client.GetMetadataAsync(wheel, default);

            var distribution = await first.Client.GetDistributionAsync(AsBuildFactsAsk(wheel), BuildFactsLimit, keepBytes: false, default);

            Assert.Equal(wheel.Sha256, Sha256Digest.Compute(distribution.Bytes.Span));
            Assert.Equal(Filename, distribution.Filename);
        }
        using var second = TestClient.For(server, _cache);
        var again = await second.Client.GetDistributionAsync(AsBuildFactsAsk(wheel), BuildFactsLimit, keepBytes: false, default);

        Assert.Equal(wheel.Sha256, again.Sha256);
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath));
        Assert.Equal(0, second.Client.Counts.Requests);
    }

    [Fact]
    public async Task A_read_of_the_wheel_while_its_metadata_is_read_from_it_shares_the_download()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, _cache);
        var wheel = await MetadataTests.FileAsync(test, Project, Filename);
        server.Faults = FaultSettings.None with { Latency = TimeSpan.FromMilliseconds(50) };

        var metadata = test.Client.GetMetadataAsync(wheel, default);
        var distribution = test.Client.GetDistributionAsync(AsBuildFactsAsk(wheel), BuildFactsLimit, keepBytes: false, default);
        await Task.WhenAll(metadata, distribution);

        Assert.Equal(wheel.Sha256, (await distribution).Sha256);
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath));
    }

    [Fact]
    public async Task Offline_the_metadata_read_from_the_wheel_comes_from_the_cache_without_a_request()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var (_, online) = await ReadIntoCacheAsync(server);
        server.Requests.Reset();
        using var offline = TestClient.For(server, _cache, o => o with { Offline = true });

        var metadata = await offline.Client.GetMetadataAsync(await MetadataTests.FileAsync(offline, Project, Filename), default);

        Assert.Equal(Describe(online), Describe(metadata));
        Assert.Equal(0, server.Requests.Total);
        Assert.Contains(offline.Events, e => e.Kind == IndexClientEventKind.CacheHit && e.Message.Contains("read from the wheel", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("off")]
    [InlineData("limit below the size")]
    [InlineData("size unknown")]
    [InlineData("no digest")]
    public async Task Otherwise_the_metadata_file_is_fetched_and_the_wheel_is_not(string condition)
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var listing = TestClient.For(server);
        var listed = await MetadataTests.FileAsync(listing, Project, Filename);
        var limit = condition switch
        {
            "off" => 0,
            "limit below the size" => listed.Size!.Value - 1,
            _ => PyPIClientOptions.DefaultWholeWheelMetadataBytes,
        };
        using var test = TestClient.For(server, _cache, o => o with { WholeWheelMetadataBytes = limit });
        var wheel = await MetadataTests.FileAsync(test, Project, Filename);
        wheel = condition switch
        {
            "size unknown" => wheel with { Size = null },
            "no digest" => wheel with { Sha256 = null },
            _ => wheel,
        };

        await test.Client.GetMetadataAsync(wheel, default);

        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata", 200));
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_cache_that_holds_the_metadata_file_answers_online_and_offline_without_a_request_for_it()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        CoreMetadata fromDocument;
        using (var documents = TestClient.For(server, _cache, MetadataTests.MetadataDocuments))
        {
            fromDocument = await documents.Client.GetMetadataAsync(await MetadataTests.FileAsync(documents, Project, Filename), default);
        }
        server.Requests.Reset();

        using (var online = TestClient.For(server, _cache))
        {
            var wheel = await MetadataTests.FileAsync(online, Project, Filename);
            var metadata = await online.Client.GetMetadataAsync(wheel, default);

            Assert.Equal(Describe(fromDocument), Describe(metadata));
            Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath));
            Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata"));
            Assert.All(server.Requests.Records(), r => Assert.Equal(304, r.Status));
        }
        server.Requests.Reset();
        using var offline = TestClient.For(server, _cache, o => o with { Offline = true });

        var answered = await offline.Client.GetMetadataAsync(await MetadataTests.FileAsync(offline, Project, Filename), default);

        Assert.Equal(Describe(fromDocument), Describe(answered));
        Assert.Equal(0, server.Requests.Total);
    }

    [Fact]
    public async Task A_wheel_that_does_not_match_its_digest_is_refused_and_nothing_of_it_is_kept()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using (var test = TestClient.For(server, _cache))
        {
            var wheel = await MetadataTests.FileAsync(test, Project, Filename);
            server.Faults = FaultSettings.None.WithCorruptedBody(wheel.Url.AbsolutePath);

            var error = await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetMetadataAsync(wheel, default));

            Assert.Equal(Filename, error.Filename);
            Assert.Contains(wheel.Sha256!.Value.ToHex(), error.Message, StringComparison.Ordinal);
            Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata"));
        }
        server.Faults = FaultSettings.None;
        server.Requests.Reset();
        using var offline = TestClient.For(server, _cache, o => o with { Offline = true });
        var file = await MetadataTests.FileAsync(offline, Project, Filename);

        await Assert.ThrowsAsync<IndexUnavailableException>(() => offline.Client.GetMetadataAsync(file, default));
    }

    [Fact]
    public async Task A_metadata_file_inside_the_wheel_that_does_not_match_the_indexs_digest_of_it_is_refused()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server, _cache);
        var wheel = await MetadataTests.FileAsync(test, Project, Filename);
        var stated = Sha256Digest.Compute("not this METADATA"u8);

        var error = await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetMetadataAsync(wheel with { CoreMetadataSha256 = stated }, default));

        Assert.StartsWith(Filename, error.Filename, StringComparison.Ordinal);
        Assert.Contains("METADATA", error.Filename, StringComparison.Ordinal);
        Assert.Contains(stated.ToHex(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_without_the_wheel_in_the_cache_the_error_lists_what_was_needed_as_before()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using (var listing = TestClient.For(server, _cache, MetadataTests.MetadataDocuments))
        {
            await listing.Client.GetProjectAsync(PackageName.Parse(Project), default);
        }
        using var offline = TestClient.For(server, _cache, o => o with { Offline = true });
        var wheel = await MetadataTests.FileAsync(offline, Project, Filename);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => offline.Client.GetMetadataAsync(wheel, default));

        Assert.Contains(wheel.Url.AbsolutePath + ".metadata", error.Message, StringComparison.Ordinal);
        Assert.Contains(wheel.Url.AbsolutePath + ",", error.Message + ",", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_reads_the_wheel_again_instead_of_its_kept_metadata()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        await ReadIntoCacheAsync(server);
        server.Requests.Reset();
        using var refreshing = TestClient.For(server, _cache, o => o with { Refresh = true });
        var wheel = await MetadataTests.FileAsync(refreshing, Project, Filename);

        await refreshing.Client.GetMetadataAsync(wheel, default);

        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath, 200));
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata"));
    }

    [Fact]
    public async Task Damaged_kept_metadata_and_wheel_are_read_again()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var (wheel, _) = await ReadIntoCacheAsync(server);
        var cache = new DiskCache(_cache, _ => { });
        FlipLastByte(cache.DocumentPath(WheelMetadataRecords.Key(wheel.Sha256!.Value)));
        FlipLastByte(cache.BlobPath(wheel.Sha256!.Value));
        server.Requests.Reset();
        using var second = TestClient.For(server, _cache);

        await second.Client.GetMetadataAsync(await MetadataTests.FileAsync(second, Project, Filename), default);

        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath, 200));
        Assert.Equal(2, second.Events.Count(e => e.Kind == IndexClientEventKind.Warning && e.Message.Contains("damaged", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_limit_is_a_size_and_0_turns_it_off()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PyPIClientOptions { WholeWheelMetadataBytes = -1 });

        Assert.Equal(nameof(PyPIClientOptions.WholeWheelMetadataBytes), error.ParamName);
        Assert.Equal(0, new PyPIClientOptions { WholeWheelMetadataBytes = 0 }.WholeWheelMetadataBytes);
        Assert.Equal(64 * 1024, new PyPIClientOptions().WholeWheelMetadataBytes);
        Assert.Contains("WholeWheelMetadataBytes = 65536", new PyPIClientOptions().ToString(), StringComparison.Ordinal);
    }

    /// <summary>A first client over the test's cache reads the wheel's metadata (so from the wheel).</summary>
    private async Task<(DistributionFile Wheel, CoreMetadata Metadata)> ReadIntoCacheAsync(FixtureIndexServer server)
    {
        using var first = TestClient.For(server, _cache);
        var wheel = await MetadataTests.FileAsync(first, Project, Filename);
        return (wheel, await first.Client.GetMetadataAsync(wheel, default));
    }

    private static DistributionFile AsBuildFactsAsk(DistributionFile listed) => new(listed.Filename, listed.Url) { Sha256 = listed.Sha256 };

    private static string Describe(CoreMetadata metadata) =>
        $"{metadata.Name} {metadata.Version} python {metadata.RequiresPython} requires [{string.Join("; ", metadata.RequiresDist)}] "
        + $"invalid [{string.Join("; ", metadata.InvalidRequiresDist)}] extras [{string.Join(", ", metadata.ProvidesExtra)}]";

    private static void FlipLastByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }
}
