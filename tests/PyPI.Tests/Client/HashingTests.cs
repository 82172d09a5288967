using System.Security.Cryptography;
using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Archives;
using Req2Nix.Resolver;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class HashingTests : IDisposable
{
    private readonly string _cache = TestClient.NewCacheDirectory();

    public void Dispose() => TestClient.DeleteDirectory(_cache);

    [Fact]
    public async Task The_index_digest_is_taken_without_a_download_unless_verification_is_asked()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var trusting = TestClient.For(server);
        using var verifying = TestClient.For(server, configure: o => o with { VerifyIndexDigests = true });
        var wheel = await MetadataTests.FileAsync(trusting, "idna", "idna-2.10-py3-none-any.whl");

        var taken = await trusting.Client.GetSha256Async(wheel, default);
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath));
        var verified = await verifying.Client.GetSha256Async(wheel, default);

        Assert.Equal(wheel.Sha256, taken);
        Assert.Equal(wheel.Sha256, verified);
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath, 200));
    }

    [Fact]
    public async Task Only_a_stated_and_trusted_digest_is_answered_without_a_request()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var trusting = TestClient.For(server);
        using var verifying = TestClient.For(server, configure: o => o with { VerifyIndexDigests = true });
        var wheel = await MetadataTests.FileAsync(trusting, "idna", "idna-2.10-py3-none-any.whl");
        var unstated = await MetadataTests.FileAsync(trusting, "edge-no-digest", "edge-no-digest-1.0.0.tar.gz");

        Assert.True(trusting.Client.TryGetSha256WithoutRequest(wheel, out var stated));
        Assert.Equal(wheel.Sha256, stated);
        Assert.False(verifying.Client.TryGetSha256WithoutRequest(wheel, out _));
        Assert.False(trusting.Client.TryGetSha256WithoutRequest(unstated, out _));
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_file_without_a_digest_is_downloaded_hashed_and_remembered()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using (var first = TestClient.For(server, _cache))
        {
            var sdist = await MetadataTests.FileAsync(first, "edge-no-digest", "edge-no-digest-1.0.0.tar.gz");
            var digest = await first.Client.GetSha256Async(sdist, default);
            var again = await first.Client.GetSha256Async(sdist, default);

            Assert.Null(sdist.Sha256);
            Assert.Equal(Sha256Digest.Compute(File.ReadAllBytes(PathOf(server, sdist))), digest);
            Assert.Equal(digest, again);
            Assert.Equal(1, server.Requests.CountFor(sdist.Url.AbsolutePath));
        }
        using var second = TestClient.For(server, _cache);
        var file = await MetadataTests.FileAsync(second, "edge-no-digest", "edge-no-digest-1.0.0.tar.gz");
        await second.Client.GetSha256Async(file, default);

        Assert.Equal(1, server.Requests.CountFor(file.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_corrupted_download_is_a_hash_mismatch_and_is_not_remembered()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using (var test = TestClient.For(server, _cache, o => o with { VerifyIndexDigests = true }))
        {
            var wheel = await MetadataTests.FileAsync(test, "idna", "idna-2.10-py3-none-any.whl");
            server.Faults = FaultSettings.None.WithCorruptedBody(wheel.Url.AbsolutePath);

            var error = await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetSha256Async(wheel, default));

            Assert.Equal("idna-2.10-py3-none-any.whl", error.Filename);
            Assert.Contains(wheel.Sha256!.Value.ToHex(), error.Message, StringComparison.Ordinal);
            // A mismatch is not retried: the same bytes would come again.
            Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath));
        }
        server.Faults = FaultSettings.None;
        using var fresh = TestClient.For(server, _cache, o => o with { VerifyIndexDigests = true });
        var file = await MetadataTests.FileAsync(fresh, "idna", "idna-2.10-py3-none-any.whl");

        Assert.Equal(file.Sha256, await fresh.Client.GetSha256Async(file, default));
        Assert.Equal(2, server.Requests.CountFor(file.Url.AbsolutePath));
    }

    [Fact]
    public async Task Sha256_pins_are_checked_against_the_index_digest()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);
        var wheel = await MetadataTests.FileAsync(test, "idna", "idna-2.10-py3-none-any.whl");
        var other = new HashPin("sha256", new string('0', 64));

        var pinned = await test.Client.GetSha256Async(wheel, [other, new HashPin("sha256", wheel.Sha256!.Value.ToHex())], default);
        var error = await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetSha256Async(wheel, [other], default));

        Assert.Equal(wheel.Sha256, pinned);
        Assert.Contains(other.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests.CountFor(wheel.Url.AbsolutePath));
    }

    [Fact]
    public async Task Sha512_pins_need_the_bytes_and_are_checked_against_them()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);
        var wheel = await MetadataTests.FileAsync(test, "idna", "idna-2.10-py3-none-any.whl");
        var sha512 = Convert.ToHexStringLower(SHA512.HashData(File.ReadAllBytes(PathOf(server, wheel))));

        var pinned = await test.Client.GetSha256Async(wheel, [new HashPin("sha512", sha512)], default);
        await Assert.ThrowsAsync<HashMismatchException>(() => test.Client.GetSha256Async(wheel, [new HashPin("sha512", new string('a', 128))], default));

        Assert.Equal(wheel.Sha256, pinned);
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath));
    }

    [Fact]
    public async Task Downloads_hash_in_parallel_within_the_concurrency_limit()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { Latency = TimeSpan.FromMilliseconds(30) },
        });
        var options = TestClient.OptionsFor(server) with { VerifyIndexDigests = true, MaxConcurrency = 4 };
        using var test = new TestClient(options with { HandlerFactory = RecordingHandler.Factory(options, out var handler) }, ownsCache: false);
        var files = new List<DistributionFile>();
        foreach (var project in new[] { "requests", "urllib3", "idna", "chardet", "certifi" })
        {
            files.AddRange((await test.Client.GetProjectAsync(PackageName.Parse(project), default)).Files);
        }

        var digests = await Task.WhenAll(files.Select(f => test.Client.GetSha256Async(f, default)));

        Assert.Equal(files.Select(f => f.Sha256), digests.Select(d => (Sha256Digest?)d));
        Assert.InRange(handler().MaxInFlight, 2, 4);
        Assert.True(files.Count > 100);
    }

    [Fact]
    public async Task A_distributions_bytes_come_verified_and_are_kept_by_digest()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        DistributionFile sdist;
        using (var first = TestClient.For(server, _cache))
        {
            sdist = await MetadataTests.FileAsync(first, "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");
            var distribution = await first.Client.GetDistributionAsync(sdist, 1 << 20, default);

            Assert.Equal(sdist.Sha256, distribution.Sha256);
            Assert.Equal(File.ReadAllBytes(PathOf(server, sdist)), distribution.Bytes.ToArray());
            Assert.NotNull(DistributionArchive.ReadSdistMember(distribution.Bytes, sdist.Filename, "pyproject.toml"));
        }
        using var second = TestClient.For(server, _cache);
        var again = await second.Client.GetDistributionAsync(sdist, 1 << 20, default);

        Assert.Equal(sdist.Sha256, again.Sha256);
        Assert.Equal(1, server.Requests.CountFor(sdist.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_distribution_read_without_keeping_its_bytes_is_verified_and_left_out_of_the_cache()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        DistributionFile sdist;
        using (var first = TestClient.For(server, _cache))
        {
            sdist = await MetadataTests.FileAsync(first, "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");
            var distribution = await first.Client.GetDistributionAsync(sdist, 1 << 20, keepBytes: false, default);
            Assert.Equal(File.ReadAllBytes(PathOf(server, sdist)), distribution.Bytes.ToArray());
            await Assert.ThrowsAsync<HashMismatchException>(() => first.Client.GetDistributionAsync(
                sdist with { Sha256 = Sha256Digest.Compute([1, 2, 3]) }, 1 << 20, keepBytes: false, default));
        }
        using var second = TestClient.For(server, _cache);
        await second.Client.GetDistributionAsync(sdist, 1 << 20, keepBytes: false, default);

        Assert.Equal(3, server.Requests.CountFor(sdist.Url.AbsolutePath));
    }

    [Fact]
    public async Task A_distribution_above_the_limit_is_refused_before_or_while_it_downloads()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using var test = TestClient.For(server);
        var sdist = await MetadataTests.FileAsync(test, "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");

        var known = await Assert.ThrowsAsync<DistributionTooLargeException>(() => test.Client.GetDistributionAsync(sdist, 100, default));
        Assert.Equal(0, server.Requests.CountFor(sdist.Url.AbsolutePath));
        var unknown = await Assert.ThrowsAsync<DistributionTooLargeException>(() => test.Client.GetDistributionAsync(sdist with { Size = null }, 100, default));

        Assert.Equal(100, known.Limit);
        Assert.Equal(sdist.Filename, unknown.Filename);
        Assert.Equal(1, server.Requests.CountFor(sdist.Url.AbsolutePath));
    }

    private static string PathOf(FixtureIndexServer server, DistributionFile file) =>
        Path.Combine(server.Root, file.Url.AbsolutePath.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
}
