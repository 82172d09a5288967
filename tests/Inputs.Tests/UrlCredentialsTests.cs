namespace Req2Nix.Inputs.Tests;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("https://user:pass@host/x", "https://user:****@host/x")]
    [InlineData("https://token@host/x", "https://****@host/x")]
    [InlineData("git+ssh://git@github.com/o/r.git", "git+ssh://git@github.com/o/r.git")]
    [InlineData("git+ssh://git:secret@github.com/o/r.git", "git+ssh://git:****@github.com/o/r.git")]
    [InlineData("'a @ https://u:p@h/a' and 'b @ http://t@h/b'", "'a @ https://u:****@h/a' and 'b @ http://****@h/b'")]
    [InlineData("x://y:z@a://u:p@h/", "x://y:****@a://u:****@h/")]
    [InlineData("//u:p@h/x", "//u:****@h/x")]
    [InlineData("https://host/path@v1", "https://host/path@v1")]
    [InlineData("no url here: a@b", "no url here: a@b")]
    public void Redact_masks_the_secret_part_of_user_info(string text, string redacted)
    {
        Assert.Equal(redacted, UrlCredentials.Redact(text));
    }

    [Theory]
    [InlineData("u:p@host", "https", "host")]
    [InlineData("token@host:8080", "https", "host:8080")]
    [InlineData("git:pw@github.com", "ssh", "git@github.com")]
    [InlineData("git@github.com", "git+ssh", "git@github.com")]
    [InlineData("host", "https", "host")]
    public void StripFromNetloc_drops_credentials_but_keeps_an_ssh_account(string netloc, string scheme, string stripped)
    {
        Assert.Equal(stripped, UrlCredentials.StripFromNetloc(netloc, scheme));
    }

    [Theory]
    [InlineData("https://token@host/simple/", "https://host/simple/")]
    [InlineData("https://u:p@host", "https://host")]
    [InlineData("git+https://u:p@github.com/o/r.git@v1", "git+https://github.com/o/r.git@v1")]
    [InlineData("ssh://git:pw@host/r", "ssh://git@host/r")]
    [InlineData("git+ssh://git@github.com/o/r.git", "git+ssh://git@github.com/o/r.git")]
    [InlineData("git://user@host/r?x=a@b", "git://host/r?x=a@b")]
    [InlineData("https://host/path@v1", "https://host/path@v1")]
    [InlineData("../local/path", "../local/path")]
    public void Strip_drops_credentials_from_a_url_but_keeps_an_ssh_account(string url, string stripped)
    {
        Assert.Equal(stripped, UrlCredentials.Strip(url));
    }
}
