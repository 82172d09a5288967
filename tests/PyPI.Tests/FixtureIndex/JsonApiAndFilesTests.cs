using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class JsonApiAndFilesTests(RecordedIndexFixture index) : IClassFixture<RecordedIndexFixture>
{
    [Fact]
    public async Task The_project_document_describes_the_latest_release_and_all_releases()
    {
        using var response = await index.Client.GetAsync(index.Server.Url("/pypi/certifi/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.MediaType());
        var info = json.RootElement.GetProperty("info");
        Assert.Equal("certifi", info.GetProperty("name").GetString());
        // 2020.11.8 is yanked in the data: PyPI's "latest" skips it.
        Assert.Equal("2020.6.20", info.GetProperty("version").GetString());
        var releases = json.RootElement.GetProperty("releases");
        Assert.True(releases.GetProperty("2020.11.8")[0].GetProperty("yanked").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("urls").GetArrayLength());
    }

    [Fact]
    public async Task The_release_document_carries_requires_dist_and_requires_python()
    {
        using var response = await index.Client.GetAsync(index.Server.Url("/pypi/requests/2.25.0/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var info = json.RootElement.GetProperty("info");
        Assert.Equal("2.25.0", info.GetProperty("version").GetString());
        Assert.Equal(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", info.GetProperty("requires_python").GetString());
        Assert.Contains("idna (<3,>=2.5)", info.GetProperty("requires_dist").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Distribution_files_are_served_byte_for_byte_with_the_digest_the_pages_announce()
    {
        const string Wheel = "packages/py3/r/requests/requests-2.25.0-py3-none-any.whl";
        using var page = await index.Client.GetAsync(index.Server.Url("/simple/requests/"), ("Accept", "application/vnd.pypi.simple.v1+json"));
        using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync());
        var entry = json.RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("filename").GetString() == "requests-2.25.0-py3-none-any.whl");

        using var wheel = await index.Client.GetAsync(new Uri(entry.GetProperty("url").GetString()!), ("Accept-Encoding", "gzip, br"));
        using var metadata = await index.Client.GetAsync(new Uri(entry.GetProperty("url").GetString() + ".metadata"));

        var bytes = await wheel.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, wheel.StatusCode);
        Assert.Equal("application/octet-stream", wheel.MediaType());
        Assert.Empty(wheel.Content.Headers.ContentEncoding);
        Assert.Equal(bytes.Length, wheel.Content.Headers.ContentLength);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(FixtureData.IndexFolder, Wheel)), bytes);
        Assert.Equal(entry.GetProperty("hashes").GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(entry.GetProperty("core-metadata").GetProperty("sha256").GetString(),
            Convert.ToHexStringLower(SHA256.HashData(await metadata.Content.ReadAsByteArrayAsync())));
        Assert.Contains("max-age=365000000", wheel.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/simple/")]
    [InlineData("/simple/requests/")]
    [InlineData("/pypi/requests/json")]
    [InlineData("/pypi/requests/2.25.0/json")]
    public async Task Documents_carry_the_servers_base_instead_of_the_placeholder(string path)
    {
        foreach (var accept in new[] { "text/html", "application/vnd.pypi.simple.v1+json" })
        {
            using var response = await index.Client.GetAsync(index.Server.Url(path), ("Accept", accept));
            var body = await response.Content.ReadAsByteArrayAsync();
            var text = System.Text.Encoding.UTF8.GetString(body);

            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.DoesNotContain("req2nix-base.invalid", text, StringComparison.Ordinal);
            if (path != "/simple/")
            {
                Assert.Contains($"\"http://127.0.0.1:{index.Server.Port}/packages/", text.Replace("href=\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Distribution_files_are_not_rewritten()
    {
        // The PEP 658 metadata of a wheel is a document-like text file, yet a distribution file: served as stored.
        const string Metadata = "packages/py3/r/requests/requests-2.25.0-py3-none-any.whl.metadata";
        using var response = await index.Client.GetAsync(index.Server.Url("/" + Metadata));

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(FixtureData.IndexFolder, Metadata)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void The_server_describes_its_own_urls()
    {
        var server = index.Server;

        Assert.Equal($"http://127.0.0.1:{server.Port}/", server.BaseUri.ToString());
        Assert.Equal($"http://127.0.0.1:{server.Port}/simple/", server.SimpleUrl.ToString());
        Assert.Equal($"http://127.0.0.1:{server.Port}/pypi/", server.JsonApiUrl.ToString());
        Assert.Equal(Path.GetFullPath(FixtureData.IndexFolder), server.Root);
    }
}
