using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Tests.Pep440;

public class VersionSpecifierTests
{
    [Theory]
    [InlineData(">=1.0+local", 5, "local version label")]
    [InlineData("  ~=1", 5, "at least two numbers")]
    [InlineData(">= 1.0.*", 6, "only allowed with '==' and '!='")]
    [InlineData("==1.0a1.*", 5, "must directly follow the release")]
    [InlineData("=>1.0", 0, "expected a comparison operator")]
    [InlineData("==", 2, "expected a version after '=='")]
    [InlineData("", 0, "expected a version specifier")]
    [InlineData("===1.0;", 6, "arbitrary-equality")]
    [InlineData("== 1.0 1", 6, "unexpected whitespace")]
    [InlineData("<1.99999999999999999999", 3, "too large")]
    public void Errors_name_the_problem_and_its_column(string text, int column, string reason)
    {
        Assert.False(VersionSpecifier.TryParse(text, out _, out var error));
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<Pep440FormatException>(() => VersionSpecifier.Parse(text));
        Assert.Equal(column, thrown.Column);
    }

    [Fact]
    public void Prefix_matches_keep_the_operator_and_expose_the_release()
    {
        var specifier = VersionSpecifier.Parse(" != v1!2.0.* ");

        Assert.Equal(SpecifierOperator.NotEqual, specifier.Operator);
        Assert.True(specifier.IsPrefixMatch);
        Assert.Equal("v1!2.0.*", specifier.VersionText);
        Assert.Equal("1!2.0", specifier.Version!.ToString());
        Assert.Equal("!=v1!2.0.*", specifier.ToString());
    }

    [Fact]
    public void Arbitrary_equality_accepts_any_text_and_compares_it_case_insensitively()
    {
        var specifier = VersionSpecifier.Parse("=== Foo-Bar");

        Assert.Null(specifier.Version);
        Assert.True(specifier.Contains("fOO-bar"));
        Assert.False(specifier.Contains("foo-bar "));
        Assert.True(VersionSpecifier.Parse("===").Contains(""));
    }

    [Theory]
    [InlineData("===\u03a3\u0391\u03a3", "\u03c3\u03b1\u03c2", true)]
    [InlineData("===\u03a3\u0391\u03a3", "\u03c3\u03b1\u03c3", false)]
    [InlineData("===\u0130", "i\u0307", true)]
    [InlineData("===\u0130", "i", false)]
    [InlineData("===\u212a", "k", true)]
    public void Arbitrary_equality_lowercases_as_python(string specifier, string candidate, bool expected)
    {
        Assert.Equal(expected, VersionSpecifier.Parse(specifier).Contains(candidate));
    }

    [Fact]
    public void Arbitrary_equality_with_a_parsed_version_compares_its_normalized_form()
    {
        var specifier = VersionSpecifier.Parse("===1.0.0");

        Assert.True(specifier.Contains(Pep440Version.Parse("v1.0.0")));
        Assert.False(specifier.Contains(Pep440Version.Parse("1.0")));
        Assert.False(specifier.Contains("v1.0.0"));
    }

    [Theory]
    [InlineData(">=1.0a1", true)]
    [InlineData("~=1.0.dev1", true)]
    [InlineData("===1.0rc1", true)]
    [InlineData("<=2.0b1", true)]
    [InlineData("!=1.0a1", false)]
    [InlineData("==1.0.*", false)]
    [InlineData(">=1.0", false)]
    [InlineData("===foo", false)]
    public void NamesPreRelease_follows_packaging(string text, bool expected)
    {
        Assert.Equal(expected, VersionSpecifier.Parse(text).NamesPreRelease);
    }

    [Theory]
    [InlineData("==1.0", "== 1.0.0", true)]
    [InlineData(">=1", ">=1.0.0+0", false)]
    [InlineData("~=1.0", "~=1.0.0", false)]
    [InlineData("~=1.0", "~= 1.0", true)]
    [InlineData("==1.0.*", "==1.*", false)]
    [InlineData("==1.0", "!=1.0", false)]
    [InlineData("===1.0", "===1.0.0", false)]
    public void Equality_ignores_trailing_zeros_except_for_compatible_release(string left, string right, bool equal)
    {
        if (!VersionSpecifier.TryParse(right, out var b, out _))
        {
            Assert.False(equal);
            return;
        }
        var a = VersionSpecifier.Parse(left);

        Assert.Equal(equal, a.Equals(b));
        if (equal)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    [Fact]
    public void Operators_spell_as_written()
    {
        string[] expected = ["==", "!=", "<=", ">=", "<", ">", "~=", "==="];

        Assert.Equal(expected, Enum.GetValues<SpecifierOperator>().Select(op => op.ToText()).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((SpecifierOperator)99).ToText());
    }

    [Theory]
    [InlineData(">1.0.post1.dev18446744073709551615", "1.0.post1.dev18446744073709551615+local", false)]
    [InlineData(">1.0.post1.dev18446744073709551615", "1.0.post1", true)]
    [InlineData(">1.0.post18446744073709551615", "1.0.post18446744073709551615+x", false)]
    [InlineData("~=1.18446744073709551615", "1.18446744073709551615.7", true)]
    [InlineData("~=1.18446744073709551615", "2.0", false)]
    [InlineData("==18446744073709551615.*", "18446744073709551615.3", true)]
    [InlineData("!=18446744073709551615.*", "18446744073709551615.0.1", false)]
    public void Bounds_at_UInt64_MaxValue_do_not_overflow(string specifier, string candidate, bool expected)
    {
        Assert.Equal(expected, VersionSpecifier.Parse(specifier).Contains(candidate));
    }
}
