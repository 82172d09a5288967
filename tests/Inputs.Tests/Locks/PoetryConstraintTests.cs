using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>
/// Poetry's constraint syntax converted to PEP 440: the specifier text poetry-core's rules give,
/// and its meaning checked with <see cref="SpecifierSet.Contains(Pep440Version, bool?)"/> on
/// versions inside and outside.
/// </summary>
public sealed class PoetryConstraintTests
{
    [Theory]
    // caret: the next major, or the next minor for 0.x, or the next patch for 0.0.x; precision kept
    [InlineData("^1.2.3", "<2.0.0,>=1.2.3", "1.2.3 1.9.9 1.2.4rc1", "1.2.2 2.0.0 2.0.0a1")]
    [InlineData("^1.2", "<2.0,>=1.2", "1.2 1.99", "1.1 2.0")]
    [InlineData("^1", "<2,>=1", "1.0 1.5", "0.9 2.0")]
    [InlineData("^0.2.3", "<0.3.0,>=0.2.3", "0.2.3 0.2.9", "0.3.0 0.2.2")]
    [InlineData("^0.0.3", "<0.0.4,>=0.0.3", "0.0.3", "0.0.4 0.0.2")]
    [InlineData("^0.0", "<0.1,>=0.0", "0.0.5", "0.1")]
    [InlineData("^0", "<1,>=0", "0.9", "1.0")]
    [InlineData("^ 1.2", "<2.0,>=1.2", "1.5", "2.0")]
    [InlineData("^1.0.0-beta.1", "<2.0.0,>=1.0.0b1", "1.0.0b1 1.0.0", "1.0.0a9 2.0.0")]
    [InlineData("^1.2.3.post1", "<2.0.0,>=1.2.3.post1", "1.2.3.post1 1.3", "1.2.3 2.0.0")]
    [InlineData("^1!2.0", "<1!3.0,>=1!2.0", "1!2.5", "2.5 1!3.0")]
    // tilde: the next minor, or the next major when only a major is given
    [InlineData("~1.2.3", "<1.3.0,>=1.2.3", "1.2.3 1.2.99", "1.3.0 1.2.2")]
    [InlineData("~1.2", "<1.3,>=1.2", "1.2.0 1.2.9", "1.3")]
    [InlineData("~1", "<2,>=1", "1.9", "2.0")]
    // ~= in Poetry: the next major for X.Y, else the next minor (also for a bare X)
    [InlineData("~=1.2", "<2.0,>=1.2", "1.2 1.9", "2.0 1.1")]
    [InlineData("~=1.2.3", "<1.3.0,>=1.2.3", "1.2.5", "1.3.0")]
    [InlineData("~=1", "<1.1,>=1", "1.0.5", "1.1")]
    // wildcards
    [InlineData("1.2.*", "==1.2.*", "1.2 1.2.9 1.2.0.dev1", "1.3 1.1")]
    [InlineData("==1.2.*", "==1.2.*", "1.2.5", "1.3")]
    [InlineData("!=1.2.*", "!=1.2.*", "1.3 1.1.9", "1.2.5")]
    [InlineData("v1.*", "==1.*", "1.5", "2.0")]
    [InlineData("1.2.3.*.*", "==1.2.3.*", "1.2.3.4", "1.2.4")]
    [InlineData("==1.2.3.4.*", "==1.2.3.4.*", "1.2.3.4.1", "1.2.3.5")]
    [InlineData(">=1.2.*", ">=1.2", "1.2", "1.1")]
    [InlineData("==1.0a1.*", "<1.0a2.dev0,>=1.0a1.dev0", "1.0a1 1.0a1.post1", "1.0a2 1.0")]
    [InlineData("==1.0.post1.*", "<1.0.post2.dev0,>=1.0.post1.dev0", "1.0.post1", "1.0.post2")]
    // any
    [InlineData("*", "", "0.1 99", "")]
    [InlineData("x", "", "3", "")]
    [InlineData("*.*", "", "3", "")]
    // comparisons, separated by commas or spaces
    [InlineData(">=1,<2", "<2,>=1", "1 1.5", "2 0.9")]
    [InlineData(">=1 <2", "<2,>=1", "1.5", "2")]
    [InlineData(">= 1.0, < 2.0", "<2.0,>=1.0", "1.5", "2.0")]
    [InlineData(">=1.0,<2.0,!=1.5", "!=1.5,<2.0,>=1.0", "1.4 1.6", "1.5 2.0")]
    [InlineData(">1.0 <=2.0", "<=2.0,>1.0", "1.1 2.0", "1.0 2.1")]
    [InlineData("^1.0,,", "<2.0,>=1.0", "1.5", "2.0")]
    // exact versions
    [InlineData("1.0", "==1.0", "1.0 1.0.0", "1.0.1")]
    [InlineData("==1.0", "==1.0", "1.0", "1.1")]
    [InlineData("=1.0", "==1.0", "1.0", "1.1")]
    [InlineData("v2.3", "==2.3", "2.3", "2.4")]
    [InlineData("!=1.5", "!=1.5", "1.4 1.6", "1.5")]
    [InlineData("2.114.1.a0", "==2.114.1a0", "2.114.1a0", "2.114.1")]
    [InlineData("dev", "==0.0.dev0", "0.0.dev0", "0.0")]
    // poetry-core reads '<>V' as the version itself
    [InlineData("<>1.0", "==1.0", "1.0", "1.1")]
    public void Converts_to_pep440_with_the_same_meaning(string poetry, string expected, string inside, string outside)
    {
        var constraint = PoetryConstraint.Parse(poetry);

        var set = Assert.Single(constraint.Alternatives);
        Assert.Equal(expected, set.ToString());
        foreach (var version in Versions(inside))
        {
            Assert.True(constraint.Contains(version), $"{poetry} should contain {version}");
        }
        foreach (var version in Versions(outside))
        {
            Assert.False(constraint.Contains(version), $"{poetry} should not contain {version}");
        }
    }

    [Theory]
    [InlineData("^1.2 || ^2.0", "<2.0,>=1.2 || <3.0,>=2.0", "1.5 2.5", "3.0 1.1")]
    [InlineData("^1.2 | ^3.0", "<2.0,>=1.2 || <4.0,>=3.0", "1.5 3.5", "2.5")]
    [InlineData(">=2.7,<2.8 || >=3.4", "<2.8,>=2.7 || >=3.4", "2.7.18 3.11", "2.8 3.3")]
    [InlineData("!=1.0a1.*", "<1.0a1.dev0 || >=1.0a2.dev0", "0.9 1.0", "1.0a1")]
    public void Unions_become_alternatives(string poetry, string expected, string inside, string outside)
    {
        var constraint = PoetryConstraint.Parse(poetry);

        Assert.Equal(expected, constraint.ToString());
        Assert.All(Versions(inside), version => Assert.True(constraint.Contains(version), $"{poetry} should contain {version}"));
        Assert.All(Versions(outside), version => Assert.False(constraint.Contains(version), $"{poetry} should not contain {version}"));
    }

    [Theory]
    // Poetry writes '!=' inside a range as a union; joined, it is the range with the version excluded.
    [InlineData(">=1.21.1,<1.25.0 || >1.25.0,<1.25.1 || >1.25.1,<1.26", "!=1.25.0,!=1.25.1,<1.26,>=1.21.1", "1.25.2 1.21.1", "1.25.0 1.25.1 1.26")]
    [InlineData("<4.0.0a0 || >4.0.0a0,<4.0.0a1 || >4.0.0a1", "!=4.0.0a0,!=4.0.0a1", "3.9 4.0.0a2", "4.0.0a0 4.0.0a1")]
    [InlineData("^1.0 || ^2.0", "<3.0,>=1.0", "1.0 2.9", "3.0 0.9")]
    [InlineData("^1.0 || ^3.0", "!=2.*,<4.0,>=1.0", "1.5 3.5", "2.0 2.5 4.0")]
    [InlineData("^2.0 || ^1.0", "<3.0,>=1.0", "1.5 2.5", "3.0")]
    [InlineData(">=1.5 || ^1.0", ">=1.0", "1.0 9.0", "0.9")]
    [InlineData("* || ^1.0", "", "0.1", "")]
    public void Unions_join_into_one_set_when_pep440_can_say_the_same(string poetry, string expected, string inside, string outside)
    {
        var constraint = PoetryConstraint.Parse(poetry);

        Assert.True(constraint.TryGetSpecifierSet(out var set, out var reason), reason);
        Assert.Equal(expected, set.ToString());
        Assert.All(Versions(inside), version => Assert.True(set.Contains(version), $"{set} should contain {version}"));
        Assert.All(Versions(outside), version => Assert.False(set.Contains(version), $"{set} should not contain {version}"));
    }

    [Theory]
    [InlineData("<1.5 || >=2.0")]
    [InlineData("^1.0 || ^5.0")]
    [InlineData("1.0 || 1.5")]
    [InlineData("1.0 || 1.1")]
    [InlineData("!=1.5,>=1 || >=3")]
    public void Unions_with_a_gap_pep440_cannot_exclude_do_not_join(string poetry)
    {
        var constraint = PoetryConstraint.Parse(poetry);

        Assert.False(constraint.TryGetSpecifierSet(out var set, out var reason));
        Assert.Null(set);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("abc", 1)]
    [InlineData("^", 1)]
    [InlineData(">=", 1)]
    [InlineData("1.2.x", 1)]
    [InlineData("^1.0 || ~foo", 10)]
    [InlineData(">=1.0,<two", 8)]
    [InlineData("^1.0 ||", 8)]
    [InlineData("1 - 2", 3)]
    [InlineData("===1.0", 3)]
    public void Invalid_constraints_fail_with_a_column(string poetry, int column)
    {
        var error = Assert.Throws<PoetryConstraintException>(() => PoetryConstraint.Parse(poetry));

        Assert.Equal(column, error.Column);
        Assert.Equal($"column {column}: {error.Reason}", error.Message);
        Assert.False(PoetryConstraint.TryParse(poetry, out _));
    }

    private static IEnumerable<Pep440Version> Versions(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Pep440Version.Parse);
}
