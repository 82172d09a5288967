using Req2Nix.Packaging.Pep440;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep440;

/// <summary>filter.json: <c>SpecifierSet(specifier, prereleases=sp).filter(input, prereleases)</c>.</summary>
public class SpecifierFilterConformanceTests
{
    private const string File = "filter.json";

    public static TheoryData<int, string> Cases =>
        Pep440Suite.Indexed(
            File,
            "cases",
            c => $"{Pep440Suite.Show(c.GetProperty("specifier").GetString())} filters {c.GetProperty("input").GetRawText()}");

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Filter_selects_as_packaging_26_3(int index, string label)
    {
        var c = Pep440Suite.Case(File, index);
        var specifier = c.GetProperty("specifier").GetString()!;
        var input = Pep440Suite.Strings(c.GetProperty("input"));
        var expected = Pep440Suite.Strings(c.GetProperty("expected"));
        // A set built with prereleases=X and filtered with prereleases=Y behaves as filtering with Y ?? X.
        var prereleases = Pep440Suite.NullableBool(c.GetProperty("prereleases"))
            ?? Pep440Suite.NullableBool(c.GetProperty("specifier_prereleases"));

        var set = SpecifierSet.Parse(specifier);
        var actual = set.Filter(input, prereleases).ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{label}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");

        // The generic form over parsed versions selects the same items (=== aside: it sees normalized text).
        var parsed = input.Select(text => Pep440Version.TryParse(text, out var v) ? v : null).ToArray();
        if (!specifier.Contains("===", StringComparison.Ordinal) && parsed.All(v => v is not null))
        {
            var items = input.Select((text, i) => (Text: text, Version: parsed[i]!)).ToArray();
            var into = new List<(string Text, Pep440Version Version)> { ("sentinel", parsed[0] ?? Pep440Version.Parse("0")) };
            set.Filter<(string Text, Pep440Version Version)>(items, item => item.Version, prereleases, into);
            Assert.Equal("sentinel", into[0].Text);
            Assert.Equal(expected, into.Skip(1).Select(item => item.Text).ToArray());
        }
    }
}
