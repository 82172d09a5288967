using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class BasicAuthTests : LoopbackIndex
{
    protected override FixtureIndexOptions Options => new FixtureIndexOptions().RequireBasicAuth("alice", "s3cret:with colon");

    [Theory]
    [InlineData("/simple/requests/")]
    [InlineData("/pypi/requests/json")]
    [InlineData("/packages/py3/r/requests/requests-2.25.0-py3-none-any.whl")]
    [InlineData("/simple/no-such-project/")]
    public async Task Every_request_without_credentials_is_refused_with_a_challenge(string path)
    {
        using var response = await Client.GetAsync(Server.Url(path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=", challenge.Parameter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("bob", "s3cret:with colon")]
    [InlineData("alice", "s3cret")]
    public async Task Wrong_credentials_are_refused(string user, string password)
    {
        using var response = await Client.GetAsync(Server.Url("/simple/requests/"), ("Authorization", Basic(user, password)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Basic")]
    public async Task Malformed_authorization_is_refused(string authorization)
    {
        using var response = await Client.GetAsync(Server.Url("/simple/requests/"), ("Authorization", authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/simple/requests/", HttpStatusCode.OK)]
    [InlineData("/pypi/requests/json", HttpStatusCode.OK)]
    [InlineData("/packages/py3/r/requests/requests-2.25.0-py3-none-any.whl", HttpStatusCode.OK)]
    [InlineData("/simple/Requests/", HttpStatusCode.MovedPermanently)]
    public async Task The_right_credentials_open_every_resource(string path, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync(Server.Url(path), ("Authorization", Basic("alice", "s3cret:with colon")));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Refusals_are_logged_as_401_without_drawing_faults()
    {
        Server.Faults = FaultSettings.None with { FailureRate = 1 };

        using var refused = await Client.GetAsync(Server.Url("/simple/flask/"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var record = Assert.Single(Server.Requests.Records(), r => r.Path == "/simple/flask/");
        Assert.Equal(new RequestRecord("GET", "/simple/flask/", 401, FaultKind.None, 0), record);
    }

    private static string Basic(string user, string password) =>
        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))).ToString();
}
