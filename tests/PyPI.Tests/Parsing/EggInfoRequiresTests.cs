using Req2Nix.PyPI.Metadata;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class EggInfoRequiresTests
{
    [Fact]
    public void Turns_sections_into_markers()
    {
        var requires = EggInfoRequires.Parse("""
            requests>=2
            # a comment

            [security]
            pyOpenSSL>=0.14
            cryptography>=1.3.4 ; python_version >= "3"

            [socks:sys_platform == "win32"]
            win_inet_pton

            [:python_version < "3.8"]
            importlib-metadata
            """);

        Assert.Equal(
            [
                "requests>=2",
                "pyOpenSSL>=0.14 ; extra == \"security\"",
                "cryptography>=1.3.4 ; (python_version >= \"3\") and extra == \"security\"",
                "win_inet_pton ; (sys_platform == \"win32\") and extra == \"socks\"",
                "importlib-metadata ; (python_version < \"3.8\")",
            ],
            requires.RequiresDist);
        Assert.Equal(["security", "socks"], requires.ProvidesExtra);
    }
}
