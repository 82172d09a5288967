using System.Net;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly HttpClient _client = RawHttp.CreateClient();
    private FixtureIndexServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureIndexServer.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Requests_are_counted_per_path_and_per_status()
    {
        using var first = await _client.GetAsync(_server.Url("/simple/requests/"));
        using var second = await _client.GetAsync(_server.Url("/simple/requests/?ignored=query"));
        using var notModified = await _client.GetAsync(_server.Url("/simple/requests/"), ("If-None-Match", first.Headers.ETag!.Tag));
        using var redirect = await _client.GetAsync(_server.Url("/simple/Flask/"));
        using var missing = await _client.GetAsync(_server.Url("/simple/no-such-project/"));

        var log = _server.Requests;
        Assert.Equal(5, log.Total);
        Assert.Equal(3, log.CountFor("/simple/requests/"));
        Assert.Equal(2, log.CountFor("/simple/requests/", 200));
        Assert.Equal(1, log.CountFor("/simple/requests/", 304));
        Assert.Equal(1, log.CountFor("/simple/Flask/"));
        Assert.Equal(0, log.CountFor("/simple/flask/"));
        Assert.Equal(new Dictionary<int, int> { [200] = 2, [304] = 1, [301] = 1, [404] = 1 }, log.CountsByStatus());
        Assert.Equal(1, log.CountWithStatus(304));
        Assert.Equal(["/simple/requests/", "/simple/requests/", "/simple/requests/", "/simple/Flask/", "/simple/no-such-project/"],
            log.Records().Select(r => r.Path));
        Assert.All(log.Records(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Reset_starts_the_counts_again()
    {
        using var before = await _client.GetAsync(_server.Url("/simple/requests/"));

        _server.Requests.Reset();
        using var after = await _client.GetAsync(_server.Url("/simple/flask/"));

        Assert.Equal(1, _server.Requests.Total);
        Assert.Equal(0, _server.Requests.CountFor("/simple/requests/"));
        Assert.Equal(new Dictionary<string, int> { ["/simple/flask/"] = 1 }, _server.Requests.CountsByPath());
    }

    [Fact]
    public async Task A_test_can_assert_at_most_one_request_per_project_page()
    {
        using var client = new HttpClient();
        foreach (var project in new[] { "requests", "Flask", "idna", "certifi", "urllib3", "chardet" })
        {
            using var response = await client.GetAsync(_server.Url($"/simple/{project}/"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var pages = _server.Requests.CountsByPath().Where(p => p.Key.StartsWith("/simple/", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, pages.Count); // six pages and the redirect from /simple/Flask/
        Assert.All(pages, page => Assert.Equal(1, page.Value));
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        using var client = new HttpClient();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.GetAsync(_server.Url(i % 2 == 0 ? "/simple/six/" : "/pypi/six/json"))));

        Assert.Equal(40, _server.Requests.Total);
        Assert.Equal(20, _server.Requests.CountFor("/simple/six/"));
        Assert.Equal(40, _server.Requests.CountWithStatus(200));
    }
}
