using System.Net;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class ConditionalRequestTests(RecordedIndexFixture index) : IClassFixture<RecordedIndexFixture>
{
    public static TheoryData<string> Paths => new()
    {
        "/simple/",
        "/simple/flask/",
        "/pypi/flask/json",
        "/pypi/flask/1.1.2/json",
        "/packages/py3/f/flask/flask-1.1.2-py3-none-any.whl",
        "/packages/py3/f/flask/flask-1.1.2-py3-none-any.whl.metadata",
        "/packages/source/f/flask/flask-1.1.2.tar.gz",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_resource_has_an_entity_tag_and_a_modification_date(string path)
    {
        using var response = await index.Client.GetAsync(index.Server.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.ETag?.IsWeak ?? true);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal((await response.Content.ReadAsByteArrayAsync()).Length, response.Content.Headers.ContentLength);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_matching_If_None_Match_is_answered_304_without_a_body(string path)
    {
        using var first = await index.Client.GetAsync(index.Server.Url(path));
        var tag = first.Headers.ETag!.Tag;

        using var again = await index.Client.GetAsync(index.Server.Url(path), ("If-None-Match", tag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag?.Tag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("W/{0}", HttpStatusCode.NotModified)]
    [InlineData("\"something-else\", {0}", HttpStatusCode.NotModified)]
    [InlineData("*", HttpStatusCode.NotModified)]
    [InlineData("\"something-else\"", HttpStatusCode.OK)]
    public async Task If_None_Match_compares_weakly_and_takes_lists(string header, HttpStatusCode expected)
    {
        var url = index.Server.Url("/simple/click/");
        using var first = await index.Client.GetAsync(url);

        using var again = await index.Client.GetAsync(url, ("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, first.Headers.ETag!.Tag)));

        Assert.Equal(expected, again.StatusCode);
    }

    [Fact]
    public async Task If_Modified_Since_is_honoured_to_the_second()
    {
        var url = index.Server.Url("/pypi/click/json");
        using var first = await index.Client.GetAsync(url);
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var same = await index.Client.GetAsync(url, ("If-Modified-Since", lastModified.ToString("R")));
        using var later = await index.Client.GetAsync(url, ("If-Modified-Since", lastModified.AddDays(1).ToString("R")));
        using var earlier = await index.Client.GetAsync(url, ("If-Modified-Since", lastModified.AddSeconds(-1).ToString("R")));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Fact]
    public async Task If_None_Match_decides_over_If_Modified_Since()
    {
        var url = index.Server.Url("/pypi/click/json");
        using var first = await index.Client.GetAsync(url);

        using var again = await index.Client.GetAsync(url,
            ("If-None-Match", "\"something-else\""),
            ("If-Modified-Since", first.Content.Headers.LastModified!.Value.ToString("R")));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Each_content_coding_has_its_own_tag_and_any_of_them_validates_the_content()
    {
        var url = index.Server.Url("/simple/click/");
        using var identity = await index.Client.GetAsync(url);
        using var gzip = await index.Client.GetAsync(url, ("Accept-Encoding", "gzip"));

        using var revalidated = await index.Client.GetAsync(url, ("Accept-Encoding", "gzip"), ("If-None-Match", identity.Headers.ETag!.Tag));

        Assert.NotEqual(identity.Headers.ETag, gzip.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(gzip.Headers.ETag, revalidated.Headers.ETag);
    }
}
