using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Simple;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class CacheTests : IDisposable
{
    private static readonly string[] Roots = ["requests[security,socks]==2.25.0", "flask[dotenv]", "edge-sdist-only", "edge-no-core-metadata"];

    private readonly string _cache = TestClient.NewCacheDirectory();

    public void Dispose() => TestClient.DeleteDirectory(_cache);

    [Fact]
    public async Task A_warm_run_revalidates_pages_and_asks_nothing_immutable_again()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var cold = await WalkAsync(server);
        var pages = server.Requests.CountsByPath().Keys.Count(IsPage);
        server.Requests.Reset();

        var warm = await WalkAsync(server);

        Assert.Equal(cold, warm);
        Assert.All(server.Requests.Records(), r =>
        {
            Assert.True(IsPage(r.Path), $"{r.Path} was asked again");
            Assert.Equal(304, r.Status);
        });
        Assert.Equal(pages, server.Requests.Total);
    }

    [Fact]
    public async Task A_damaged_or_truncated_entry_is_fetched_again()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var cold = await WalkAsync(server, MetadataTests.MetadataDocuments);
        var cache = new DiskCache(_cache, _ => { });
        var page = server.Url("/simple/requests/");
        var metadata = server.Url("/packages/py3/r/requests/requests-2.25.0-py3-none-any.whl.metadata");
        FlipLastByte(cache.DocumentPath(DocumentSource.CacheKey(metadata)));
        Truncate(cache.DocumentPath(DocumentSource.CacheKey(page)));
        server.Requests.Reset();

        using var test = TestClient.For(server, _cache, MetadataTests.MetadataDocuments);
        var warm = (await ClosureWalker.WalkAsync(test.Client, Roots)).Describe();

        Assert.Equal(cold, warm);
        Assert.Equal(1, server.Requests.CountFor(page.AbsolutePath, 200));
        Assert.Equal(1, server.Requests.CountFor(metadata.AbsolutePath, 200));
        Assert.Equal(2, test.Events.Count(e => e.Kind == IndexClientEventKind.Warning && e.Message.Contains("damaged", StringComparison.Ordinal)));
        Assert.Equal(server.Requests.Total - 2, server.Requests.CountWithStatus(304));
    }

    [Fact]
    public async Task Offline_answers_from_the_cache_without_a_request()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var online = await WalkAsync(server);
        server.Requests.Reset();

        var offline = await WalkAsync(server, o => o with { Offline = true });

        Assert.Equal(online, offline);
        Assert.Equal(0, server.Requests.Total);
    }

    [Fact]
    public async Task Offline_repeats_the_not_found_answers_of_the_online_run_without_a_request()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        // The announced PEP 658 file of requests 2.25.0 and the JSON API document of
        // edge-no-core-metadata 2.0.0 are absent, and so is one project.
        server.Faults = FaultSettings.None
            .WithFixedStatus("/packages/py3/r/requests/requests-2.25.0-py3-none-any.whl.metadata", 404)
            .WithFixedStatus("/pypi/edge-no-core-metadata/2.0.0/json", 404);
        string[] roots = [.. Roots, "no-such-project"];
        var online = await WalkAsync(server, roots, MetadataTests.MetadataDocuments);
        Assert.Contains("missing no-such-project", online, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.CountWithStatus(404));
        server.Requests.Reset();

        var offline = await WalkAsync(server, roots, o => MetadataTests.MetadataDocuments(o) with { Offline = true });
        var onlineAgain = await WalkAsync(server, roots, MetadataTests.MetadataDocuments);

        Assert.Equal(online, offline);
        Assert.Equal(online, onlineAgain);
        // Online, the remembered 404s are asked again; pages are revalidated. (Which files go to
        // the JSON API depends on whether its 404 came before its first answer, so other requests vary.)
        Assert.Equal(1, server.Requests.CountFor("/simple/no-such-project/", 404));
        Assert.Equal(1, server.Requests.CountFor("/packages/py3/r/requests/requests-2.25.0-py3-none-any.whl.metadata", 404));
        Assert.All(server.Requests.Records().Where(r => IsPage(r.Path)), r => Assert.True(r.Status is 304 or 404, $"{r.Path}: {r.Status}"));
    }

    [Fact]
    public async Task A_remembered_not_found_is_asked_again_online_and_replaced_when_the_document_appears()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        server.Faults = FaultSettings.None.WithFixedStatus("/simple/six/", 404);
        using (var first = TestClient.For(server, _cache))
        {
            await Assert.ThrowsAsync<PackageNotFoundException>(() => first.Client.GetProjectAsync(PackageName.Parse("six"), default));
        }
        server.Faults = FaultSettings.None;

        using (var second = TestClient.For(server, _cache))
        {
            Assert.NotEmpty((await second.Client.GetProjectAsync(PackageName.Parse("six"), default)).Files);
        }
        using var offline = TestClient.For(server, _cache, o => o with { Offline = true });
        var listing = await offline.Client.GetProjectAsync(PackageName.Parse("six"), default);

        Assert.NotEmpty(listing.Files);
        Assert.Equal(1, server.Requests.CountFor("/simple/six/", 404));
        Assert.Equal(1, server.Requests.CountFor("/simple/six/", 200));
    }

    /// <summary>Writes an entry as another process would: on disk when this returns.</summary>
    private void WriteEntry(CachedHeaders headers, ReadOnlySpan<byte> body)
    {
        using var cache = new DiskCache(_cache, _ => { });
        cache.Write(headers, body);
    }

    [Fact]
    public async Task A_page_is_cached_in_its_compact_form_and_read_back_without_parsing()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        var cold = await WalkAsync(server);
        var cache = new DiskCache(_cache, _ => { });
        var key = DocumentSource.CacheKey(server.Url("/simple/six/"));
        CachedHeaders headers;
        ProjectPage page;
        using (var entry = cache.TryRead(key)!)
        {
            headers = entry.Headers;
            Assert.Equal($"application/x-req2nix-{CompactProjectPage.Instance.Name}", headers.ContentType);
            Assert.NotNull(headers.ETag);
            Assert.True(CompactProjectPage.Instance.TryRead(entry.Body.Span, out page!));
        }
        // An entry with one file less: it is what is read.
        WriteEntry(headers, CompactProjectPage.Instance.Write(page with { Files = page.Files.Skip(1).ToList() }));
        using (var offline = TestClient.For(server, _cache, o => o with { Offline = true }))
        {
            Assert.Equal(page.Files.Count - 1, (await offline.Client.GetProjectAsync(PackageName.Parse("six"), default)).Files.Count);
        }
        // An entry written before the compact form existed (the page's JSON): parsed, then rewritten in the form.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("/simple/six/"));
        request.Headers.Accept.ParseAdd("application/vnd.pypi.simple.v1+json");
        using var response = await http.SendAsync(request);
        WriteEntry(headers with { ContentType = "application/vnd.pypi.simple.v1+json" }, await response.Content.ReadAsByteArrayAsync());
        server.Requests.Reset();

        var warm = await WalkAsync(server, o => o with { Offline = true });

        Assert.Equal(cold, warm);
        Assert.Equal(0, server.Requests.Total);
        using var rewritten = cache.TryRead(key)!;
        Assert.Equal(headers, rewritten.Headers);
        Assert.True(CompactProjectPage.Instance.TryRead(rewritten.Body.Span, out var reread));
        Assert.Equal(page.Files, reread.Files);
    }

    [Fact]
    public async Task Offline_a_missing_document_fails_with_an_error_that_lists_what_is_missing()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        DistributionFile sdist;
        using (var online = TestClient.For(server, _cache))
        {
            sdist = await MetadataTests.FileAsync(online, "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");
        }
        using var offline = TestClient.For(server, _cache, o => o with { Offline = true });
        using var offlineWithExtra = TestClient.For(server, _cache, o => o with { Offline = true, ExtraIndexUrls = [server.Url("/extra/simple/")] });

        var page = await Assert.ThrowsAsync<IndexUnavailableException>(() => offlineWithExtra.Client.GetProjectAsync(PackageName.Parse("six"), default));
        var listed = await MetadataTests.FileAsync(offline, "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");
        var metadata = await Assert.ThrowsAsync<IndexUnavailableException>(() => offline.Client.GetMetadataAsync(listed, default));

        Assert.Equal(
            $"{server.Url("/simple/six/")}: offline, and the cache lacks what is needed: {server.Url("/simple/six/")}, {server.Url("/extra/simple/six/")}",
            page.Message);
        Assert.Equal(
            $"{server.Url("/pypi/edge-sdist-only/1.0.0/json")}: offline, and the cache lacks what is needed: {server.Url("/pypi/edge-sdist-only/1.0.0/json")}, {sdist.Url}",
            metadata.Message);
        Assert.Equal(1, server.Requests.Total);
    }

    [Fact]
    public async Task Refresh_revalidates_immutable_documents_and_downloads_again()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        DistributionFile wheel;
        using (var first = TestClient.For(server, _cache, o => MetadataTests.MetadataDocuments(o) with { VerifyIndexDigests = true }))
        {
            wheel = await MetadataTests.FileAsync(first, "idna", "idna-2.10-py3-none-any.whl");
            await first.Client.GetMetadataAsync(wheel, default);
            await first.Client.GetSha256Async(wheel, default);
        }
        server.Requests.Reset();
        using var refreshing = TestClient.For(server, _cache, o => MetadataTests.MetadataDocuments(o) with { VerifyIndexDigests = true, Refresh = true });

        var file = await MetadataTests.FileAsync(refreshing, "idna", "idna-2.10-py3-none-any.whl");
        await refreshing.Client.GetMetadataAsync(file, default);
        await refreshing.Client.GetSha256Async(file, default);

        Assert.Equal(1, server.Requests.CountFor("/simple/idna/", 304));
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath + ".metadata", 304));
        Assert.Equal(1, server.Requests.CountFor(wheel.Url.AbsolutePath, 200));
    }

    [Fact]
    public async Task Cache_writes_leave_no_temporary_files_and_entries_are_keyed_without_credentials()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions().RequireBasicAuth("alice", "s3cr3t"));
        var url = new UriBuilder(server.SimpleUrl) { UserName = "alice", Password = "s3cr3t" }.Uri;

        await WalkAsync(server, o => o with { IndexUrl = url, VerifyIndexDigests = true });

        var files = Directory.GetFiles(_cache, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => f.Contains(".tmp-", StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain("s3cr3t", File.ReadAllText(f), StringComparison.Ordinal));
        Assert.True(File.Exists(new DiskCache(_cache, _ => { }).DocumentPath(DocumentSource.CacheKey(server.Url("/simple/requests/")))));
    }

    [Fact]
    public async Task Without_a_cache_folder_nothing_is_written_and_a_second_client_asks_again()
    {
        await using var server = await FixtureIndexServer.StartAsync();
        using (var first = new TestClient(TestClient.OptionsFor(server), ownsCache: false))
        {
            await first.Client.GetProjectAsync(PackageName.Parse("six"), default);
        }
        using var second = new TestClient(TestClient.OptionsFor(server), ownsCache: false);
        await second.Client.GetProjectAsync(PackageName.Parse("six"), default);

        Assert.Equal(2, server.Requests.CountFor("/simple/six/", 200));
    }

    private Task<string> WalkAsync(FixtureIndexServer server, Func<PyPIClientOptions, PyPIClientOptions>? configure = null) =>
        WalkAsync(server, Roots, configure);

    private async Task<string> WalkAsync(FixtureIndexServer server, string[] roots, Func<PyPIClientOptions, PyPIClientOptions>? configure = null)
    {
        using var test = TestClient.For(server, _cache, configure);
        return (await ClosureWalker.WalkAsync(test.Client, roots)).Describe();
    }

    private static bool IsPage(string path) => path.StartsWith("/simple/", StringComparison.Ordinal);

    private static void FlipLastByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }

    private static void Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }
}
