using System.Text.Json;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep440;

/// <summary>versions.json: every field of every valid version, and rejection of every invalid one.</summary>
public class Pep440VersionConformanceTests
{
    private const string File = "versions.json";

    public static TheoryData<int, string> Cases =>
        Pep440Suite.Indexed(File, "cases", c => Pep440Suite.Show(c.GetProperty("input").GetString()));

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Version_parses_as_packaging_26_3(int index, string label)
    {
        var c = Pep440Suite.Case(File, index);
        var input = c.GetProperty("input").GetString()!;

        if (!c.GetProperty("valid").GetBoolean())
        {
            Assert.False(Pep440Version.TryParse(input, out _), label);
            Assert.False(Pep440Version.TryParse(input.AsSpan(), out _), label);
            var error = Assert.Throws<Pep440FormatException>(() => Pep440Version.Parse(input));
            Assert.InRange(error.Column, 0, input.Length);
            return;
        }

        var version = Pep440Version.Parse(input);
        Assert.Equal(c.GetProperty("normalized").GetString(), version.ToString());
        Assert.Equal(c.GetProperty("public").GetString(), version.Public.ToString());
        Assert.Equal(c.GetProperty("base_version").GetString(), version.BaseVersion.ToString());
        Assert.Equal(c.GetProperty("epoch").GetUInt64(), version.Epoch);
        Assert.Equal(
            c.GetProperty("release").EnumerateArray().Select(n => n.GetUInt64()).ToArray(),
            version.Release.ToArray());
        Assert.Equal(ExpectedPre(c.GetProperty("pre")), version.Pre?.ToString());
        Assert.Equal(Pep440Suite.NullableUInt64(c.GetProperty("post")), version.Post);
        Assert.Equal(Pep440Suite.NullableUInt64(c.GetProperty("dev")), version.Dev);
        Assert.Equal(Pep440Suite.NullableString(c.GetProperty("local")), version.Local);
        Assert.Equal(c.GetProperty("is_prerelease").GetBoolean(), version.IsPreRelease);
        Assert.Equal(c.GetProperty("is_postrelease").GetBoolean(), version.IsPostRelease);
        Assert.Equal(c.GetProperty("is_devrelease").GetBoolean(), version.IsDevRelease);

        // The span overload and the normalized form agree with the string parse.
        Assert.True(Pep440Version.TryParse(input.AsSpan(), out var fromSpan));
        Assert.Equal(version, fromSpan);
        var reparsed = Pep440Version.Parse(version.ToString());
        Assert.Equal(version, reparsed);
        Assert.Equal(version.ToString(), reparsed.ToString());
    }

    private static string? ExpectedPre(JsonElement pre) =>
        pre.ValueKind == JsonValueKind.Null ? null : pre[0].GetString() + pre[1].GetUInt64();
}
