using System.Text;
using Req2Nix.Emit.Nix;

namespace Req2Nix.Emit.Tests.Nix;

public class NixIdentifierTests
{
    [Theory]
    [InlineData("requests")]
    [InlineData("typing-extensions")]
    [InlineData("_private")]
    [InlineData("x'")]
    [InlineData("a-b_c'd9")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("iff")]
    [InlineData("__curPos")]
    public void Identifiers_are_written_bare(string name)
    {
        Assert.True(NixIdentifier.IsValid(name));
        Assert.Equal(name, NixIdentifier.AttrName(name));
    }

    [Theory]
    [InlineData("3to2", "\"3to2\"")]
    [InlineData("zope.interface", "\"zope.interface\"")]
    [InlineData("or", "\"or\"")]
    [InlineData("if", "\"if\"")]
    [InlineData("inherit", "\"inherit\"")]
    [InlineData("", "\"\"")]
    [InlineData("-a", "\"-a\"")]
    [InlineData("'a", "\"'a\"")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("é", "\"é\"")]
    [InlineData("${x}", "\"\\${x}\"")]
    public void Other_attribute_names_are_quoted(string name, string expected)
    {
        Assert.False(NixIdentifier.IsValid(name));
        Assert.Equal(expected, NixIdentifier.AttrName(name));
        var builder = new StringBuilder();
        NixIdentifier.AppendAttrName(builder, name);
        Assert.Equal(expected, builder.ToString());
    }

    [Fact]
    public void Every_keyword_is_quoted()
    {
        Assert.Equal(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"], NixIdentifier.Keywords);
        Assert.All(NixIdentifier.Keywords, keyword => Assert.False(NixIdentifier.IsValid(keyword)));
    }

    [Fact]
    public void A_bare_name_is_appended_as_it_is()
    {
        var builder = new StringBuilder();
        NixIdentifier.AppendAttrName(builder, "requests");
        Assert.Equal("requests", builder.ToString());
    }
}
