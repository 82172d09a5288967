using Req2Nix.Packaging.Pep440;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep440;

/// <summary>invalid_specifiers.json: which clauses and sets parse, and their normalized text.</summary>
public class SpecifierSyntaxConformanceTests
{
    private const string File = "invalid_specifiers.json";

    public static TheoryData<int, string> Cases =>
        Pep440Suite.Indexed(
            File,
            "cases",
            c => $"{c.GetProperty("kind").GetString()} {Pep440Suite.Show(c.GetProperty("specifier").GetString())}");

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Specifier_parses_as_packaging_26_3(int index, string label)
    {
        var c = Pep440Suite.Case(File, index);
        var text = c.GetProperty("specifier").GetString()!;
        var valid = c.GetProperty("valid").GetBoolean();

        if (c.GetProperty("kind").GetString() == "Specifier")
        {
            if (!valid)
            {
                Assert.False(VersionSpecifier.TryParse(text, out _, out var error), label);
                Assert.InRange(error.Column, 0, text.Length);
                Assert.False(string.IsNullOrEmpty(error.Message));
                var thrown = Assert.Throws<Pep440FormatException>(() => VersionSpecifier.Parse(text));
                Assert.Equal(error.Column, thrown.Column);
                return;
            }
            var specifier = VersionSpecifier.Parse(text);
            Assert.Equal(c.GetProperty("normalized").GetString(), specifier.ToString());
            Assert.Equal(c.GetProperty("operator").GetString(), specifier.Operator.ToText());
            Assert.Equal(c.GetProperty("version").GetString(), specifier.VersionText);
            return;
        }

        if (!valid)
        {
            Assert.False(SpecifierSet.TryParse(text, out _, out var error), label);
            Assert.InRange(error.Column, 0, text.Length);
            Assert.Throws<Pep440FormatException>(() => SpecifierSet.Parse(text));
            return;
        }
        var set = SpecifierSet.Parse(text);
        var expected = Pep440Suite.Strings(c.GetProperty("specifiers"));
        var distinct = set.Select(s => s.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, distinct);
    }
}
