using System.Text;
using Req2Nix.Emit.Nix;

namespace Req2Nix.Emit.Tests.Nix;

public class NixStringTests
{
    [Theory]
    [InlineData("requests", "\"requests\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\path\", "\"C:\\\\path\\\\\"")]
    [InlineData("${builtins.currentTime}", "\"\\${builtins.currentTime}\"")]
    [InlineData("$${x}", "\"$\\${x}\"")]
    [InlineData("$HOME and $", "\"$HOME and $\"")]
    [InlineData("a\nb\rc\td", "\"a\\nb\\rc\\td\"")]
    [InlineData("''", "\"''\"")]
    [InlineData("zoë 😀", "\"zoë 😀\"")]
    public void Quote_escapes_what_Nix_would_read_otherwise(string value, string expected)
    {
        Assert.Equal(expected, NixString.Quote(value));
        var builder = new StringBuilder("x = ");
        NixString.AppendQuoted(builder, value);
        Assert.Equal("x = " + expected, builder.ToString());
    }

    [Fact]
    public void NUL_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NixString.Quote("a\0b"));

        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogates_are_refused_and_pairs_kept()
    {
        // Built here, not in attributes: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        string[] broken = ["a\uD800b", "\uDC00", "end\uD83D", "\uDE00\uD83D"];
        foreach (var value in broken)
        {
            var error = Assert.Throws<ArgumentException>(() => NixString.Quote(value));
            Assert.Contains("lone UTF-16 surrogate", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal("\"\uD83D\uDE00\\n\"", NixString.Quote("\uD83D\uDE00\n"));
    }

    [Fact]
    public void Plain_text_is_only_wrapped_in_quotes()
    {
        const string Value = "a plain description of a package";

        Assert.Equal('"' + Value + '"', NixString.Quote(Value));
    }
}
