using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

/// <summary>The edge cases fixtures/README.md promises are in fixtures/data/index, as a client sees them.</summary>
public sealed class RecordedDataTests(RecordedIndexFixture index) : IClassFixture<RecordedIndexFixture>
{
    [Fact]
    public async Task Yanked_files_carry_their_reason_or_true()
    {
        using var page = await JsonPageAsync("edge-yanked");
        var html = await HtmlPageAsync("edge-yanked");

        var yanked = Files(page).ToDictionary(f => f.GetProperty("filename").GetString()!, f => f.GetProperty("yanked"));
        Assert.Equal(JsonValueKind.False, yanked["edge_yanked-1.0.0-py3-none-any.whl"].ValueKind);
        Assert.Equal("broken build, use 1.0.0", yanked["edge_yanked-1.1.0-py3-none-any.whl"].GetString());
        Assert.Equal(JsonValueKind.True, yanked["edge_yanked-1.2.0-py3-none-any.whl"].ValueKind);
        Assert.Contains("data-yanked=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("data-yanked=\"broken build, use 1.0.0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recorded_trees_keep_the_shared_overlay_yank_of_certifi()
    {
        using var page = await JsonPageAsync("certifi");

        Assert.All(Files(page).Where(f => f.GetProperty("filename").GetString()!.Contains("2020.11.8", StringComparison.Ordinal)),
            f => Assert.Equal(JsonValueKind.String, f.GetProperty("yanked").ValueKind));
    }

    [Fact]
    public async Task Requires_python_excludes_releases_and_is_escaped_in_html()
    {
        using var page = await JsonPageAsync("edge-requires-python");
        var html = await HtmlPageAsync("edge-requires-python");

        var requiresPython = Files(page).Select(f => f.GetProperty("requires-python").GetString()).Distinct();
        Assert.Equal(["<3", ">=3.7", ">=3.12"], requiresPython);
        Assert.Contains("data-requires-python=\"&lt;3\"", html, StringComparison.Ordinal);
        Assert.Contains("data-requires-python=\"&gt;=3.12\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_with_only_pre_releases()
    {
        using var page = await JsonPageAsync("edge-prerelease-only");

        Assert.Equal(["0.1.0a1", "0.1.0b2", "0.1.0rc1"], page.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Files_without_a_digest()
    {
        using var page = await JsonPageAsync("edge-no-digest");
        var html = await HtmlPageAsync("edge-no-digest");
        using var project = await JsonApiAsync("edge-no-digest");

        Assert.All(Files(page), f => Assert.Empty(f.GetProperty("hashes").EnumerateObject()));
        Assert.DoesNotContain("#sha256=", html, StringComparison.Ordinal);
        Assert.Contains("data-core-metadata=\"true\"", html, StringComparison.Ordinal);
        Assert.All(project.RootElement.GetProperty("urls").EnumerateArray(), f => Assert.Empty(f.GetProperty("digests").EnumerateObject()));
    }

    [Fact]
    public async Task A_project_without_core_metadata_falls_back_to_the_json_api()
    {
        using var page = await JsonPageAsync("edge-no-core-metadata");
        using var release = await JsonApiAsync("edge-no-core-metadata", "2.0.0");
        var wheel = Files(page).First(f => f.GetProperty("filename").GetString()!.EndsWith(".whl", StringComparison.Ordinal));

        using var metadata = await index.Client.GetAsync(new Uri(wheel.GetProperty("url").GetString() + ".metadata"));

        Assert.All(Files(page), f => Assert.Equal(JsonValueKind.False, f.GetProperty("core-metadata").ValueKind));
        Assert.DoesNotContain("data-core-metadata", await HtmlPageAsync("edge-no-core-metadata"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(["click>=7", "itsdangerous>=1.1"], release.RootElement.GetProperty("info").GetProperty("requires_dist").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task An_sdist_whose_PKG_INFO_is_the_only_metadata()
    {
        using var page = await JsonPageAsync("edge-sdist-only");
        using var project = await JsonApiAsync("edge-sdist-only");
        var sdist = Assert.Single(Files(page));

        var archive = await index.Client.GetByteArrayAsync(new Uri(sdist.GetProperty("url").GetString()!));

        Assert.Equal(JsonValueKind.Null, project.RootElement.GetProperty("info").GetProperty("requires_dist").ValueKind);
        var members = ReadTarGz(archive);
        Assert.Contains("Requires-Dist: requests>=2.20\n", members["edge-sdist-only-1.0.0/PKG-INFO"], StringComparison.Ordinal);
        Assert.DoesNotContain("[project]", members["edge-sdist-only-1.0.0/pyproject.toml"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edge.dotted", "edge-dotted", "edge_dotted-1.0.0-py3-none-any.whl")]
    [InlineData("Edge_Capitalised", "edge-capitalised", "Edge_Capitalised-1.1.0-py3-none-any.whl")]
    [InlineData("Jinja2", "jinja2", "Jinja2-2.11.2-py3-none-any.whl")]
    public async Task Dotted_and_capitalised_names(string display, string normalized, string wheel)
    {
        using var page = await JsonPageAsync(normalized);
        using var project = await JsonApiAsync(display);

        Assert.Equal(normalized, page.RootElement.GetProperty("name").GetString());
        Assert.Equal(display, project.RootElement.GetProperty("info").GetProperty("name").GetString());
        Assert.Contains(Files(page), f => f.GetProperty("filename").GetString() == wheel);
    }

    [Fact]
    public async Task A_dependency_missing_from_the_index_is_a_hole()
    {
        using var response = await index.Client.GetAsync(index.Server.Url("/simple/ordereddict/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonElement.ArrayEnumerator Files(JsonDocument page) => page.RootElement.GetProperty("files").EnumerateArray();

    private async Task<JsonDocument> JsonPageAsync(string project)
    {
        using var response = await index.Client.GetAsync(index.Server.Url($"/simple/{project}/"), ("Accept", "application/vnd.pypi.simple.v1+json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> HtmlPageAsync(string project)
    {
        using var response = await index.Client.GetAsync(index.Server.Url($"/simple/{project}/"));
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonDocument> JsonApiAsync(string project, string? version = null)
    {
        using var response = await index.Client.GetAsync(index.Server.Url(version is null ? $"/pypi/{project}/json" : $"/pypi/{project}/{version}/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> ReadTarGz(byte[] archive)
    {
        var members = new Dictionary<string, string>();
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is not null)
            {
                using var reader = new StreamReader(entry.DataStream);
                members[entry.Name] = reader.ReadToEnd();
            }
        }
        return members;
    }
}
