using Req2Nix.PyPI.Credentials;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class NetrcFileTests
{
    [Fact]
    public void Reads_machines_and_the_default()
    {
        var netrc = NetrcFile.Parse("""
            # my credentials
            machine pypi.example.com login alice password s3cret
            machine Other.Example
              login bob
              account ignored
              password "with space \" quote"
            default login anonymous password guest
            """);

        Assert.Equal(("alice", "s3cret"), Pair(netrc.Find("pypi.example.com")));
        Assert.Equal(("bob", "with space \" quote"), Pair(netrc.Find("other.example")));
        Assert.Equal(("anonymous", "guest"), Pair(netrc.Find("elsewhere.example")));
        Assert.Equal(2, netrc.MachineCount);
    }

    [Fact]
    public void A_machine_named_twice_keeps_its_last_entry_as_python_does()
    {
        var netrc = NetrcFile.Parse("machine h login a password 1\nmachine h login b password 2\n");

        Assert.Equal(("b", "2"), Pair(netrc.Find("h")));
    }

    [Fact]
    public void Macro_definitions_are_skipped_to_the_blank_line()
    {
        var netrc = NetrcFile.Parse("macdef init\ncd /pub\nmachine fake login x password y\n\nmachine real login u password p\n");

        Assert.Null(netrc.Find("fake"));
        Assert.Equal(("u", "p"), Pair(netrc.Find("real")));
    }

    [Fact]
    public void Without_a_default_an_unknown_host_has_no_credentials()
    {
        Assert.Null(NetrcFile.Parse("machine h login a password b").Find("other"));
        Assert.Null(NetrcFile.Empty.Find("h"));
    }

    [Theory]
    [InlineData("machine", "1:1: 'machine' needs a host name")]
    [InlineData("machine h login", "1:11: 'login' needs a value")]
    [InlineData("machine h\n  frobnicate x", "2:3: unknown keyword 'frobnicate' (expected login, password or account)")]
    [InlineData("hunter2-is-my-password", "1:1: expected 'machine', 'default' or 'macdef', found 'hunter2-…'")]
    [InlineData("machine h password \"open", "1:20: a quoted token is not closed")]
    [InlineData("machine h account x", "1:1: the entry has neither a login nor a password")]
    public void Malformed_files_say_where_without_echoing_secrets(string text, string message)
    {
        var error = Assert.Throws<NetrcFormatException>(() => NetrcFile.Parse(text));

        Assert.Equal(message, error.Message);
    }

    private static (string, string) Pair(BasicCredentials? credentials) =>
        credentials is null ? ("", "") : (credentials.User, credentials.Password);
}
