using System.Net;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class RequestLogTests : LoopbackIndex
{
    [Fact]
    public async Task Requests_are_counted_per_path_and_per_status()
    {
        using var first = await Client.GetAsync(Server.Url("/simple/requests/"));
        using var second = await Client.GetAsync(Server.Url("/simple/requests/?ignored=query"));
        using var notModified = await Client.GetAsync(Server.Url("/simple/requests/"), ("If-None-Match", first.Headers.ETag!.Tag));
        using var redirect = await Client.GetAsync(Server.Url("/simple/Flask/"));
        using var missing = await Client.GetAsync(Server.Url("/simple/no-such-project/"));

        var log = Server.Requests;
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
        using var before = await Client.GetAsync(Server.Url("/simple/requests/"));

        Server.Requests.Reset();
        using var after = await Client.GetAsync(Server.Url("/simple/flask/"));

        Assert.Equal(1, Server.Requests.Total);
        Assert.Equal(0, Server.Requests.CountFor("/simple/requests/"));
        Assert.Equal(new Dictionary<string, int> { ["/simple/flask/"] = 1 }, Server.Requests.CountsByPath());
    }

    [Fact]
    public async Task A_test_can_assert_at_most_one_request_per_project_page()
    {
        using var client = new HttpClient();
        foreach (var project in new[] { "requests", "Flask", "idna", "certifi", "urllib3", "chardet" })
        {
            using var response = await client.GetAsync(Server.Url($"/simple/{project}/"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var pages = Server.Requests.CountsByPath().Where(p => p.Key.StartsWith("/simple/", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, pages.Count); // six pages and the redirect from /simple/Flask/
        Assert.All(pages, page => Assert.Equal(1, page.Value));
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        using var client = new HttpClient();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.GetAsync(Server.Url(i % 2 == 0 ? "/simple/six/" : "/pypi/six/json"))));

        Assert.Equal(40, Server.Requests.Total);
        Assert.Equal(20, Server.Requests.CountFor("/simple/six/"));
        Assert.Equal(40, Server.Requests.CountWithStatus(200));
    }
}
