using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Tests.Pep440;

public class SpecifierSetTests
{
    private static readonly Pep440Version[] Candidates =
        [.. new[] { "0.9", "1.0", "1.0+local", "1.5a1", "1.5", "2.0.dev1", "2.0" }.Select(Pep440Version.Parse)];

    [Fact]
    public void Errors_point_into_the_whole_text()
    {
        Assert.False(SpecifierSet.TryParse(">=1.0, <2.0x", out _, out var error));
        Assert.Equal(11, error.Column);

        var thrown = Assert.Throws<Pep440FormatException>(() => SpecifierSet.Parse(">=1.0,,~=1"));
        Assert.Equal(10, thrown.Column);
        Assert.Contains("(column 11)", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clauses_keep_their_order_and_ToString_sorts_and_deduplicates()
    {
        var set = SpecifierSet.Parse(">=1.0, ==1.0.0 ,>=1.0.0,<2");

        Assert.Equal(4, set.Count);
        Assert.Equal(">=1.0", set[0].ToString());
        Assert.Equal("<2,==1.0.0,>=1.0", set.ToString());
        Assert.Equal(SpecifierSet.Parse("<2,>=1,==1"), set);
        Assert.Equal(SpecifierSet.Parse("<2,>=1,==1").GetHashCode(), set.GetHashCode());
        Assert.NotEqual(SpecifierSet.Parse("<2"), set);
    }

    [Fact]
    public void Empty_contains_everything_even_text_that_is_not_a_version()
    {
        Assert.Same(SpecifierSet.Empty, SpecifierSet.Parse(" , "));
        Assert.True(SpecifierSet.Empty.Contains("not a version"));
        Assert.True(SpecifierSet.Empty.Contains("1.0a1"));
        Assert.False(SpecifierSet.Empty.Contains("1.0a1", prereleases: false));
        Assert.Equal("", SpecifierSet.Empty.ToString());
    }

    [Fact]
    public void Intersect_keeps_the_clauses_of_both()
    {
        var both = SpecifierSet.Parse(">=1.0").Intersect(SpecifierSet.Parse("<2,!=1.5"));

        Assert.Equal("!=1.5,<2,>=1.0", both.ToString());
        Assert.Same(both, both.Intersect(SpecifierSet.Empty));
        Assert.Same(both, SpecifierSet.Empty.Intersect(both));
    }

    [Fact]
    public void Contains_a_parsed_version_does_not_allocate()
    {
        var set = SpecifierSet.Parse(">=1.0,!=1.3.*,<2,~=1.1,>1.0.post1,==1.*,<=1.9");
        var arbitrary = SpecifierSet.Parse("===1.5");
        var versions = new[] { "1.5", "1.5+local.7", "1.3.2", "2.0rc1", "1!1.5" }.Select(Pep440Version.Parse).ToArray();
        var hits = 0;
        for (var round = 0; round < 2; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                foreach (var version in versions)
                {
                    hits += set.Contains(version) ? 1 : 0;
                    hits += set.Contains(version, prereleases: false) ? 1 : 0;
                    hits += arbitrary.Contains(version) ? 1 : 0;
                }
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1)
            {
                Assert.Equal(0, allocated);
            }
        }
        Assert.Equal(10_000, hits);
    }

    [Theory]
    [InlineData(">=1.0", null, new[] { "1.0", "1.0+local", "1.5", "2.0" })]
    [InlineData(">=1.0", true, new[] { "1.0", "1.0+local", "1.5a1", "1.5", "2.0.dev1", "2.0" })]
    [InlineData(">=1.0", false, new[] { "1.0", "1.0+local", "1.5", "2.0" })]
    [InlineData(">=1.5a1,<1.5", null, new string[0])]
    [InlineData(">=1.0a1,<1.5", null, new[] { "1.0", "1.0+local" })]
    [InlineData(">=1.1,<1.5a2", null, new[] { "1.5a1" })]
    [InlineData(">=1.1,<1.5a2", false, new string[0])]
    [InlineData(">=1.1,<2", null, new[] { "1.5" })]
    [InlineData(">=1.1,!=1.5,<2", null, new[] { "1.5a1" })]
    [InlineData(">=1.0b1", null, new[] { "1.0", "1.0+local", "1.5a1", "1.5", "2.0.dev1", "2.0" })]
    [InlineData(">=3", null, new string[0])]
    public void Generic_filter_follows_the_selection_rule(string specifier, bool? prereleases, string[] expected)
    {
        var set = SpecifierSet.Parse(specifier);
        var into = new List<Pep440Version> { Pep440Version.Parse("42") };

        set.Filter<Pep440Version>(Candidates, v => v, prereleases, into);

        Assert.Equal(["42", .. expected], into.Select(v => v.ToString()).ToArray());
        Assert.Equal(expected, set.Filter(Candidates.Select(v => v.ToString()), prereleases).ToArray());
    }

    [Fact]
    public void Generic_filter_keeps_pre_releases_contiguous_before_the_first_final()
    {
        var versions = new[] { "2.0a1", "2.0b1", "1.5", "2.1rc1", "1.6" }.Select(Pep440Version.Parse).ToArray();
        var into = new List<Pep440Version>();

        SpecifierSet.Parse(">=1.0").Filter<Pep440Version>(versions, v => v, null, into);

        Assert.Equal(["1.5", "1.6"], into.Select(v => v.ToString()).ToArray());
    }

    [Fact]
    public void Filtering_text_keeps_strings_that_are_not_versions_only_where_packaging_does()
    {
        string[] input = ["1.0a1", "foo", "1.0", "bar", "2.0b1"];

        Assert.Equal(["foo", "1.0", "bar"], SpecifierSet.Empty.Filter(input).ToArray());
        Assert.Equal(["1.0"], SpecifierSet.Parse(">=0").Filter(input).ToArray());
        Assert.Equal(["foo"], SpecifierSet.Parse("===FOO").Filter(input).ToArray());
        Assert.Equal(["1.0a1", "foo", "2.0b1"], SpecifierSet.Empty.Filter(["1.0a1", "foo", "2.0b1"]).ToArray());
    }

    [Fact]
    public void Contains_text_with_arbitrary_equality_uses_the_text_as_given()
    {
        var set = SpecifierSet.Parse(">=1.0,===1.5.0");

        Assert.True(set.Contains("1.5.0"));
        Assert.False(set.Contains("1.5"));
        Assert.True(set.Contains(Pep440Version.Parse("1.5.0")));
        Assert.False(SpecifierSet.Parse("===foo,>=1").Contains("foo"));
        Assert.True(SpecifierSet.Parse("===foo,===FOO").Contains("Foo"));
    }

    [Fact]
    public void Is_a_read_only_list_of_its_clauses()
    {
        IReadOnlyList<VersionSpecifier> set = SpecifierSet.Parse("<2,>=1");
        var viaConstructor = new SpecifierSet(set);

        Assert.Equal(["<2", ">=1"], set.Select(s => s.ToString()).ToArray());
        Assert.Equal(set, viaConstructor);
        Assert.True(viaConstructor.Contains("1.5"));
    }
}
