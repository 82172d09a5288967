using System.Net;
using System.Text.Json;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class SimpleApiTests(RecordedIndexFixture index) : IClassFixture<RecordedIndexFixture>
{
    private const string Html = "text/html";
    private const string V1Html = "application/vnd.pypi.simple.v1+html";
    private const string V1Json = "application/vnd.pypi.simple.v1+json";
    private const string PipAccept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";

    [Theory]
    [InlineData(null, Html)]
    [InlineData("*/*", Html)]
    [InlineData("text/html", Html)]
    [InlineData(V1Html, V1Html)]
    [InlineData(V1Json, V1Json)]
    [InlineData(PipAccept, V1Json)]
    [InlineData("application/vnd.pypi.simple.v1+json;q=0.2, text/html;q=0.9", Html)]
    [InlineData("application/vnd.pypi.simple.v1+json, */*;q=0.1", V1Json)]
    [InlineData("application/*", V1Html)]
    [InlineData("text/*;q=0.5, application/vnd.pypi.simple.v1+json;q=0.4", Html)]
    [InlineData("application/vnd.pypi.simple.v1+json;q=0, */*", Html)]
    [InlineData("image/png", Html)]
    [InlineData("application/vnd.pypi.simple.v1+json;q=oops, application/vnd.pypi.simple.v1+html", V1Html)]
    public async Task Simple_pages_are_negotiated_on_Accept_with_q_values(string? accept, string expected)
    {
        foreach (var path in new[] { "/simple/", "/simple/requests/" })
        {
            using var response = accept is null
                ? await index.Client.GetAsync(index.Server.Url(path))
                : await index.Client.GetAsync(index.Server.Url(path), ("Accept", accept));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.MediaType());
            Assert.Contains("Accept", response.Headers.Vary);
            var body = await response.Content.ReadAsStringAsync();
            if (expected == V1Json)
            {
                using var json = JsonDocument.Parse(body);
                Assert.Equal("1.1", json.RootElement.GetProperty("meta").GetProperty("api-version").GetString());
            }
            else
            {
                Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_html_form_says_its_charset()
    {
        using var response = await index.Client.GetAsync(index.Server.Url("/simple/requests/"));

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task The_json_project_page_lists_files_and_versions()
    {
        using var response = await index.Client.GetAsync(index.Server.Url("/simple/requests/"), ("Accept", V1Json));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("requests", json.RootElement.GetProperty("name").GetString());
        Assert.Contains("2.25.0", json.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(json.RootElement.GetProperty("files").EnumerateArray(),
            file => file.GetProperty("filename").GetString() == "requests-2.25.0-py3-none-any.whl");
    }

    [Fact]
    public async Task The_project_list_carries_display_names_and_normalized_links()
    {
        using var jsonResponse = await index.Client.GetAsync(index.Server.Url("/simple/"), ("Accept", V1Json));
        using var html = await index.Client.GetAsync(index.Server.Url("/simple/"));
        using var json = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync());

        var names = json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Jinja2", names);
        Assert.Contains("edge.dotted", names);
        Assert.Contains("Edge_Capitalised", names);
        Assert.Contains("<a href=\"/simple/jinja2/\">Jinja2</a>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/simple/Jinja2/", "/simple/jinja2/")]
    [InlineData("/simple/REQUESTS/", "/simple/requests/")]
    [InlineData("/simple/edge.dotted/", "/simple/edge-dotted/")]
    [InlineData("/simple/Edge_Capitalised/", "/simple/edge-capitalised/")]
    [InlineData("/simple/python_dotenv/", "/simple/python-dotenv/")]
    [InlineData("/simple/zope..Edge--_.Dotted/", null)]
    [InlineData("/simple/requests", "/simple/requests/")]
    [InlineData("/simple/Jinja2", "/simple/Jinja2/")]
    [InlineData("/simple", "/simple/")]
    [InlineData("/pypi/jinja2/json", "/pypi/Jinja2/json")]
    [InlineData("/pypi/JINJA2/2.11.2/json", "/pypi/Jinja2/2.11.2/json")]
    [InlineData("/pypi/edge-dotted/json", "/pypi/edge.dotted/json")]
    [InlineData("/pypi/edge_capitalised/1.0.0/json", "/pypi/Edge_Capitalised/1.0.0/json")]
    public async Task Non_canonical_names_are_redirected_permanently_as_PyPI_does(string path, string? expected)
    {
        using var response = await index.Client.GetAsync(index.Server.Url(path));

        if (expected is null)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(index.Server.Url(expected), response.Headers.Location);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_client_that_follows_redirects_lands_on_the_normalized_page()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(index.Server.Url("/simple/Edge_Capitalised"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(index.Server.Url("/simple/edge-capitalised/"), response.RequestMessage?.RequestUri);
    }

    [Fact]
    public async Task A_redirect_keeps_the_query()
    {
        using var response = await index.Client.GetAsync(index.Server.Url("/simple/Jinja2/?x=1"));

        Assert.Equal(index.Server.Url("/simple/jinja2/?x=1"), response.Headers.Location);
    }

    [Theory]
    [InlineData("/simple/no-such-project/")]
    [InlineData("/simple/No_Such_Project/")]
    [InlineData("/simple/ordereddict/")]
    [InlineData("/simple/requests/extra/")]
    [InlineData("/pypi/no-such-project/json")]
    [InlineData("/pypi/requests/9.9.9/json")]
    [InlineData("/pypi/requests/")]
    [InlineData("/pypi/requests/2.25.0/json/more")]
    [InlineData("/packages/source/r/requests/requests-9.9.9.tar.gz")]
    [InlineData("/packages/")]
    [InlineData("/MANIFEST.json")]
    [InlineData("/")]
    public async Task Missing_projects_versions_and_files_are_404(string path)
    {
        using var response = await index.Client.GetAsync(index.Server.Url(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 Not Found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_GET_and_HEAD_are_allowed()
    {
        using var post = await index.Client.SendAsync(HttpMethod.Post, index.Server.Url("/simple/requests/"));
        using var head = await index.Client.SendAsync(HttpMethod.Head, index.Server.Url("/simple/requests/"));
        using var get = await index.Client.GetAsync(index.Server.Url("/simple/requests/"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("GET", post.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Dot_segments_never_leave_the_mirror_folder()
    {
        var response = await RawRequestAsync("GET /packages/../../../../etc/passwd HTTP/1.1");

        Assert.StartsWith("HTTP/1.1 404", response, StringComparison.Ordinal);
    }

    /// <summary>Bypasses HttpClient, which would remove the dot segments before sending.</summary>
    private async Task<string> RawRequestAsync(string requestLine)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, index.Server.Port);
        await using var stream = tcp.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
