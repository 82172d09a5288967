using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Pep508;

public class RequirementTests
{
    [Fact]
    public void Parts_of_a_full_requirement()
    {
        var requirement = Requirement.Parse("Requests [Socks, security] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"");

        Assert.Equal("Requests", requirement.Name);
        Assert.Equal(PackageName.Parse("requests"), requirement.NormalizedName);
        Assert.Equal([ExtraName.Parse("security"), ExtraName.Parse("socks")], requirement.Extras);
        Assert.Equal(["Socks", "security"], requirement.ExtrasAsWritten);
        Assert.Equal("==2.8.*,>=2.8.1", requirement.Specifier.ToString());
        Assert.Null(requirement.Url);
        Assert.Equal("python_version < \"2.7\"", requirement.Marker?.ToString());
        Assert.Equal("Requests[Socks,security]==2.8.*,>=2.8.1; python_version < \"2.7\"", requirement.ToString());
    }

    [Fact]
    public void Bare_name_has_empty_specifier_and_no_marker()
    {
        var requirement = Requirement.Parse("zope.interface");

        Assert.Equal("zope-interface", requirement.NormalizedName.ToString());
        Assert.Empty(requirement.Extras);
        Assert.Same(SpecifierSet.Empty, requirement.Specifier);
        Assert.Null(requirement.Marker);
        Assert.Equal("zope.interface", requirement.ToString());
    }

    [Theory]
    [InlineData("name (>=1.0, <2)", "name<2,>=1.0")]
    [InlineData("name()", "name")]
    [InlineData("name>=1.0,", "name>=1.0")]
    [InlineData("name @ https://example.com/a.zip ; os_name == 'nt'", "name @ https://example.com/a.zip ; os_name == \"nt\"")]
    [InlineData("name[b,a,b] @ file:.", "name[a,b] @ file:.")]
    [InlineData("  name\t==\t1.0  ", "name==1.0")]
    [InlineData("name; (os_name == 'a' or os_name == 'b') and extra == 'X_Y'", "name; (os_name == \"a\" or os_name == \"b\") and extra == \"x-y\"")]
    public void Prints_as_packaging(string input, string printed) => Assert.Equal(printed, Requirement.Parse(input).ToString());

    [Fact]
    public void Url_keeps_a_semicolon_that_touches_it()
    {
        var requirement = Requirement.Parse("name @ https://example.com/x;python_version<'3'");

        Assert.Equal("https://example.com/x;python_version<'3'", requirement.Url);
        Assert.Null(requirement.Marker);
        Assert.Empty(requirement.Specifier);
    }

    [Fact]
    public void Name_with_a_trailing_underscore_is_accepted_as_packaging_does()
    {
        var requirement = Requirement.Parse("foo_[bar_]>=1");

        Assert.Equal("foo_", requirement.Name);
        Assert.Equal("foo-", requirement.NormalizedName.ToString());
        Assert.Equal("bar-", requirement.Extras[0].ToString());
    }

    [Fact]
    public void Equality_follows_packaging_26_3()
    {
        Assert.Equal(Requirement.Parse("Foo[B_c]==1.0.0"), Requirement.Parse("foo [b.c] == 1.0.0.0"));
        Assert.Equal(Requirement.Parse("Foo==1.0.0").GetHashCode(), Requirement.Parse("foo==1.0.0.0").GetHashCode());
        Assert.NotEqual(Requirement.Parse("foo==1.0"), Requirement.Parse("foo==1.0; os_name == 'nt'"));
        Assert.NotEqual(Requirement.Parse("foo @ https://a"), Requirement.Parse("foo @ https://b"));
        Assert.NotEqual(Requirement.Parse("foo[a]"), Requirement.Parse("foo"));
    }

    [Fact]
    public void Applies_where_its_marker_holds()
    {
        var linux = MarkerEnvironment.For(NixSystem.LinuxX64, PythonTarget.Parse("3.11"));
        var darwin = MarkerEnvironment.For(NixSystem.DarwinArm64, PythonTarget.Parse("3.11"));
        var requirement = Requirement.Parse("pyobjc; sys_platform == 'darwin'");
        var socks = Requirement.Parse("pysocks; extra == 'socks'");

        Assert.True(Requirement.Parse("six").AppliesTo(linux));
        Assert.False(requirement.AppliesTo(linux));
        Assert.True(requirement.AppliesTo(darwin));
        Assert.False(socks.AppliesTo(linux));
        Assert.True(socks.AppliesTo(linux, ExtraName.Parse("SOCKS")));
    }

    [Theory]
    [InlineData("a\u00e9")]
    [InlineData("name[\u00e9]")]
    [InlineData("name>=1.0\u0000")]
    [InlineData("((((")]
    [InlineData("name; ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((os_name == 'a'")]
    public void Garbage_is_rejected_without_throwing(string input) => Assert.False(Requirement.TryParse(input, out _, out _));
}
