using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Tests.Names;

public class ExtraNameTests
{
    [Theory]
    // PEP 685: extras normalize like project names.
    [InlineData("socks", "socks")]
    [InlineData("Socks", "socks")]
    [InlineData("test_extra", "test-extra")]
    [InlineData("Test.Extra", "test-extra")]
    [InlineData("dev--all", "dev-all")]
    public void Extras_parse_to_their_PEP_685_form(string name, string expected)
    {
        Assert.Equal(expected, ExtraName.Parse(name).ToString());
        Assert.Equal(expected, ExtraName.Parse(name.AsSpan()).Value);
        Assert.Equal(expected, ExtraName.Normalize(name));
        Assert.True(ExtraName.TryParse(name, out var tried));
        Assert.Equal(expected, tried.Value);
        Assert.True(ExtraName.TryParse(name.AsSpan(), out tried));
        Assert.Equal(expected, tried.Value);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("socks,", 6)]
    [InlineData(".dev", 1)]
    public void Invalid_extras_are_rejected_with_a_column(string name, int column)
    {
        var error = Assert.Throws<InvalidNameException>(() => ExtraName.Parse(name));

        Assert.Equal(column, error.Column);
        Assert.Contains("extra name", error.Reason, StringComparison.Ordinal);
        Assert.False(ExtraName.TryParse(name, out _));
        Assert.False(ExtraName.TryParse(name.AsSpan(), out _));
    }

    [Fact]
    public void Extras_compare_by_normalized_form()
    {
        Assert.Equal(ExtraName.Parse("Test_Extra"), ExtraName.Parse("test.extra"));
        Assert.Equal(ExtraName.Parse("Test_Extra").GetHashCode(), ExtraName.Parse("test.extra").GetHashCode());
        Assert.True(ExtraName.Parse("a") < ExtraName.Parse("b"));
        Assert.True(ExtraName.Parse("a") != ExtraName.Parse("b"));
        Assert.Equal(0, ExtraName.Parse("A").CompareTo(ExtraName.Parse("a")));
        Assert.False(ExtraName.TryParse((string?)null, out _));
    }
}
