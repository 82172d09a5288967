using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Tests.Pep440;

public class Pep440VersionTests
{
    [Fact]
    public void Release_numbers_up_to_UInt64_MaxValue_parse()
    {
        var version = Pep440Version.Parse("18446744073709551615!18446744073709551615.0.post18446744073709551615");

        Assert.Equal(ulong.MaxValue, version.Epoch);
        Assert.Equal(ulong.MaxValue, version.Release[0]);
        Assert.Equal(ulong.MaxValue, version.Post);
        Assert.Equal("18446744073709551615!18446744073709551615.0.post18446744073709551615", version.ToString());
    }

    [Theory]
    [InlineData("18446744073709551616", 0)]
    [InlineData("1.18446744073709551616", 2)]
    [InlineData("18446744073709551616!1.0", 0)]
    [InlineData("1.0a18446744073709551616", 4)]
    [InlineData("1.0.post99999999999999999999", 8)]
    [InlineData("1.0-99999999999999999999", 4)]
    [InlineData("1.0.dev99999999999999999999", 7)]
    [InlineData("  1.99999999999999999999999", 4)]
    public void Numbers_above_UInt64_MaxValue_are_rejected_with_their_column(string text, int column)
    {
        Assert.False(Pep440Version.TryParse(text, out _));
        var error = Assert.Throws<Pep440FormatException>(() => Pep440Version.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_zeros_do_not_count_towards_the_limit()
    {
        var version = Pep440Version.Parse("000000000000000000000000000001.0");

        Assert.Equal("1.0", version.ToString());
    }

    [Fact]
    public void Numbers_in_local_labels_are_unbounded_and_compare_by_value()
    {
        var larger = Pep440Version.Parse("1.0+99999999999999999999999");
        var smaller = Pep440Version.Parse("1.0+9999999999999999999999");
        var padded = Pep440Version.Parse("1.0+000099999999999999999999999");

        Assert.True(larger > smaller);
        Assert.Equal(larger, padded);
        Assert.Equal(larger.GetHashCode(), padded.GetHashCode());
        Assert.Equal("99999999999999999999999", padded.Local);
    }

    [Fact]
    public void A_release_with_many_numbers_round_trips()
    {
        var text = string.Join('.', Enumerable.Range(0, 500));

        var version = Pep440Version.Parse(text);

        Assert.Equal(500, version.Release.Length);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData("1.0x", 3, "unexpected 'x'")]
    [InlineData(" 1.0x ", 4, "unexpected 'x'")]
    [InlineData("1!", 2, "after the epoch")]
    [InlineData("1.0+", 4, "local version label")]
    [InlineData("1.0+a..b", 5, "unexpected '.'")]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("x1.0", 0, "expected a release number")]
    [InlineData("1.0 a1", 3, "unexpected whitespace")]
    [InlineData("1.0+\u0130", 4, "ASCII letters and digits")]
    [InlineData("1.0\u0130", 3, "versions are ASCII")]
    public void Errors_name_the_problem_and_its_column(string text, int column, string reason)
    {
        var error = Assert.Throws<Pep440FormatException>(() => Pep440Version.Parse(text));

        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"(column {column + 1})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_never_throws_on_garbage()
    {
        var random = new Random(440);
        const string Alphabet = "0123456789.-_+!vVaAbBcCrRpPeEoOsStTdDwWiIlLhH* \t\n\u3000\u0130\ud800\udc00;,()=<>~";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }
            var text = new string(chars);

            var parsed = Pep440Version.TryParse(text, out var version);
            Assert.Equal(parsed, Pep440Version.TryParse(text.AsSpan(), out _));
            if (parsed)
            {
                Assert.Equal(version, Pep440Version.Parse(version!.ToString()));
            }
            else
            {
                Assert.Throws<Pep440FormatException>(() => Pep440Version.Parse(text));
            }
        }
        Assert.False(Pep440Version.TryParse((string?)null, out _));
    }

    [Fact]
    public void Equal_versions_hash_equal_whatever_their_spelling()
    {
        string[] spellings = ["1", "1.0", "1.0.0", "v1.0.0.0", "0!1", " 1.0\n"];
        var versions = spellings.Select(Pep440Version.Parse).ToArray();

        Assert.All(versions, v => Assert.Equal(versions[0], v));
        Assert.All(versions, v => Assert.Equal(versions[0].GetHashCode(), v.GetHashCode()));
        Assert.Single(versions.ToHashSet());
        Assert.Equal(4, versions[3].Release.Length);
    }

    [Fact]
    public void Ordering_is_the_same_on_both_sides_of_the_packed_comparison_limits()
    {
        // Versions with numbers below 2^16 and at most four significant release numbers compare through
        // packed keys; the others field by field. Mixed pairs must agree with both.
        string[] ascending =
        [
            "1.0.dev65535", "1.0.dev65536", "1.0a0", "1.0a65535", "1.0a65536", "1.0a65536.post1", "1.0",
            "1.0.0.0.0.0+local", "1.0.post65535", "1.0.post65536", "1.0.0.0.1", "1.0.0.0.65536",
            "1.0.0.1", "1.65535", "1.65536", "1.65536.0.0.0.1", "65535", "65536", "4294967296", "1!0", "1!1.0.0.0.0.1",
        ];
        var versions = ascending.Select(Pep440Version.Parse).ToArray();

        for (var i = 0; i < versions.Length; i++)
        {
            for (var j = 0; j < versions.Length; j++)
            {
                Assert.True(Math.Sign(i.CompareTo(j)) == Math.Sign(versions[i].CompareTo(versions[j])), $"{ascending[i]} vs {ascending[j]}");
            }
        }
        Assert.Equal(Pep440Version.Parse("1"), Pep440Version.Parse("1.0.0.0.0.0"));
        Assert.Equal(Pep440Version.Parse("1.65536"), Pep440Version.Parse("1.65536.0.0.0.0"));
    }

    [Fact]
    public void Unequal_versions_are_distinct_in_a_set()
    {
        string[] texts = ["1.0", "1.0+a", "1.0.post0", "1.0.dev0", "1.0a0", "1!1.0", "1.0.post0.dev0", "1.0a0.dev0"];

        var set = texts.Select(Pep440Version.Parse).ToHashSet();

        Assert.Equal(texts.Length, set.Count);
    }

    [Fact]
    public void Parts_are_exposed_normalized()
    {
        var version = Pep440Version.Parse("V2!01.02.0-PREVIEW_3.rev-4_DEV.5+Ubuntu-01_b");

        Assert.Equal(2UL, version.Epoch);
        Assert.Equal([1UL, 2UL, 0UL], version.Release.ToArray());
        Assert.Equal(new PreRelease(PreReleaseKind.ReleaseCandidate, 3), version.Pre);
        Assert.Equal("rc3", version.Pre!.Value.ToString());
        Assert.Equal(4UL, version.Post);
        Assert.Equal(5UL, version.Dev);
        Assert.Equal("ubuntu.1.b", version.Local);
        Assert.True(version.IsPreRelease && version.IsPostRelease && version.IsDevRelease);
        Assert.Equal("2!1.2.0rc3.post4.dev5+ubuntu.1.b", version.ToString());
        Assert.Equal("2!1.2.0rc3.post4.dev5", version.Public.ToString());
        Assert.Equal("2!1.2.0", version.BaseVersion.ToString());
    }

    [Fact]
    public void Public_and_BaseVersion_return_the_same_instance_when_nothing_is_dropped()
    {
        var final = Pep440Version.Parse("1.2");
        var pre = Pep440Version.Parse("1.2a1");

        Assert.Same(final, final.Public);
        Assert.Same(final, final.BaseVersion);
        Assert.Same(pre, pre.Public);
        Assert.NotSame(pre, pre.BaseVersion);
    }

    [Fact]
    public void Comparison_operators_and_null()
    {
        var low = Pep440Version.Parse("1.0");
        var high = Pep440Version.Parse("1.1");
        Pep440Version? none = null;

        Assert.True(low < high && low <= high && high > low && high >= low && low != high);
        Assert.True(none < low && low > none && none == null && low != none);
        Assert.Equal(1, low.CompareTo(null));
        Assert.Equal(-1, ((IComparable)low).CompareTo(high));
        Assert.Throws<ArgumentException>(() => ((IComparable)low).CompareTo("1.0"));
        Assert.False(low.Equals((object)"1.0"));
    }

    [Fact]
    public void TryFormat_reports_a_destination_that_is_too_small()
    {
        var version = Pep440Version.Parse("1.2.3rc4");
        var small = new char[4];
        var exact = new char[8];

        Assert.False(version.TryFormat(small, out var none));
        Assert.Equal(0, none);
        Assert.True(version.TryFormat(exact, out var written));
        Assert.Equal("1.2.3rc4", new string(exact, 0, written));
        _ = version.ToString();
        Assert.False(version.TryFormat(small, out _));
        Assert.Equal("v=1.2.3rc4", $"v={version}");
    }

    [Fact]
    public void A_long_local_label_formats()
    {
        var label = string.Join('.', Enumerable.Repeat("abcdefgh", 40));

        var version = Pep440Version.Parse("1.0+" + label);

        Assert.Equal("1.0+" + label, version.ToString());
    }
}
