using Req2Nix.Packaging.Pep440;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep440;

/// <summary>specifiers.json: <c>SpecifierSet(specifier).contains(version, prereleases)</c>.</summary>
public class SpecifierConformanceTests
{
    private const string File = "specifiers.json";

    public static TheoryData<int, string> Cases =>
        Pep440Suite.Indexed(
            File,
            "cases",
            c => $"{Pep440Suite.Show(c.GetProperty("specifier").GetString())} contains {Pep440Suite.Show(c.GetProperty("version").GetString())}"
                + $" prereleases={Pep440Suite.NullableBool(c.GetProperty("prereleases"))?.ToString() ?? "null"}");

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Contains_answers_as_packaging_26_3(int index, string label)
    {
        var c = Pep440Suite.Case(File, index);
        var specifier = c.GetProperty("specifier").GetString()!;
        var candidate = c.GetProperty("version").GetString()!;
        var prereleases = Pep440Suite.NullableBool(c.GetProperty("prereleases"));
        var expected = c.GetProperty("expected").GetBoolean();

        var set = SpecifierSet.Parse(specifier);
        Assert.True(expected == set.Contains(candidate, prereleases), label);

        // A parsed candidate gives the same answer (=== aside: it compares the text as given).
        if (!specifier.Contains("===", StringComparison.Ordinal) && Pep440Version.TryParse(candidate, out var version))
        {
            Assert.True(expected == set.Contains(version, prereleases), label + " (parsed)");
        }
        Assert.Equal(c.GetProperty("version_is_valid").GetBoolean(), Pep440Version.TryParse(candidate, out _));

        if (c.GetProperty("api").GetString() == "Specifier")
        {
            Assert.True(expected == VersionSpecifier.Parse(specifier).Contains(candidate, prereleases), label + " (one clause)");
        }
    }
}
