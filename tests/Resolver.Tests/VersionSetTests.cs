using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Tests;

public class VersionSetTests
{
    private static readonly VersionCatalog Catalog = new(
        new[] { "0.9", "1.0", "1.0.post1", "1.0+local.1", "1.1a1", "1.1", "1.2", "2.0.dev1", "2.0", "2.0.0", "10.0" }.Select(Pep440Version.Parse));

    private static VersionSet Set(string specifier) => Catalog.Matching(SpecifierSet.Parse(specifier));

    [Fact]
    public void Equal_versions_are_one_entry() => Assert.Equal(10, Catalog.Count);

    [Theory]
    [InlineData(">=1.0", "<1.1")]
    [InlineData("!=1.0", "==1.*")]
    [InlineData("~=1.0", ">1.1a1")]
    [InlineData("==1.0", ">=2.0.dev1")]
    public void Algebra_laws_hold(string a, string b)
    {
        var x = Set(a);
        var y = Set(b);
        Assert.Equal(x.Union(y).Complement(), x.Complement().Intersect(y.Complement()));
        Assert.Equal(x.Intersect(y).Complement(), x.Complement().Union(y.Complement()));
        Assert.Equal(x, x.Complement().Complement());
        Assert.Equal(x.Except(y), x.Intersect(y.Complement()));
        Assert.True(x.Intersect(y).IsSubsetOf(x));
        Assert.True(x.Union(Catalog.None).Equals(x));
        Assert.True(x.Intersect(Catalog.All).Equals(x));
    }

    [Fact]
    public void Membership_comes_from_the_PEP_440_engine()
    {
        Assert.Equal("1.0, 1.0+local.1", Set("==1.0").Describe());
        Assert.Equal("1.0+local.1", Set("==1.0+local.1").Describe());
        Assert.Equal("0.9, 1.0.post1 … 10.0", Set("!=1.0").Describe());
        Assert.Equal("1.0 … 1.2", Set("==1.*").Describe());
        Assert.Equal("0.9, 2.0.dev1 … 10.0", Set("!=1.*").Describe());
        Assert.Equal("1.2 … 10.0", Set(">1.1").Describe());
        // PEP 440: >1.0 excludes 1.0's post-releases and local versions.
        Assert.Equal("no version", Set(">1.0,<1.1a1").Describe());
        Assert.Equal("2.0.dev1, 2.0", Set(">=2.0.dev1,<3").Describe());
        Assert.Equal("no version", Set(">10").Describe());
    }

    [Fact]
    public void Newest_and_iteration_are_ordered()
    {
        var set = Set(">=1.1a1");
        Assert.Equal(Pep440Version.Parse("10.0"), set.Newest);
        Assert.Equal(set.Versions().Reverse().ToList(), set.IndexesNewestFirst().Select(i => Catalog[i]).ToList());
    }
}
