using Req2Nix.PyPI.Credentials;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class UrlRedactorTests
{
    [Theory]
    [InlineData("https://user:token@host.example/simple/", "https://****@host.example/simple/")]
    [InlineData("https://token@host.example:8443/simple", "https://****@host.example:8443/simple")]
    [InlineData("https://a:b@c@host.example/x?y=1#z", "https://****@host.example/x?y=1#z")]
    [InlineData("https://host.example/simple/?email=a@b.c", "https://host.example/simple/?email=a@b.c")]
    [InlineData("https://host.example/p@th/", "https://host.example/p@th/")]
    [InlineData("not a url", "not a url")]
    public void Hides_the_user_info_of_a_url(string url, string expected)
    {
        Assert.Equal(expected, UrlRedactor.Redact(url));
    }

    [Fact]
    public void Hides_user_info_and_secrets_inside_a_text()
    {
        var text = UrlRedactor.RedactText("GET https://u:pw@h.example/a failed; retry http://x:y@other/ with token pw", ["pw"]);

        Assert.Equal("GET https://****@h.example/a failed; retry http://****@other/ with token ****", text);
    }

    [Fact]
    public void Credentials_never_print()
    {
        var credentials = new BasicCredentials("alice", "s3cret");

        Assert.DoesNotContain("s3cret", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("alice", credentials.ToString(), StringComparison.Ordinal);
    }
}
