using Req2Nix.Packaging.Pep508;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>requirements.json: every valid requirement compared field by field, every invalid one rejected.</summary>
public class RequirementConformanceTests
{
    public static TheoryData<int, string> ValidCases =>
        Pep508Suite.Rows(Pep508Suite.RequirementsFile, "cases", c => c.GetProperty("valid").GetBoolean(), c => Pep508Suite.Show(c.GetProperty("input").GetString()));

    public static TheoryData<int, string> InvalidCases =>
        Pep508Suite.Rows(Pep508Suite.RequirementsFile, "cases", c => !c.GetProperty("valid").GetBoolean(), c => Pep508Suite.Show(c.GetProperty("input").GetString()));

    [ConformanceTheory(Pep508Suite.Folder)]
    [MemberData(nameof(ValidCases))]
    public void Valid_requirement_parses_as_packaging_26_3(int index, string label)
    {
        var c = Pep508Suite.Requirement(index);
        var input = c.GetProperty("input").GetString()!;

        Assert.True(Requirement.TryParse(input, out var requirement, out var error), $"{label}: {error}");

        Assert.Equal(c.GetProperty("name").GetString(), requirement.Name);
        Assert.Equal(
            c.GetProperty("extras").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal),
            requirement.ExtrasAsWritten.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(
            c.GetProperty("specifiers").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal),
            requirement.Specifier.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(Pep508Suite.NullableString(c.GetProperty("url")), requirement.Url);
        Assert.Equal(Pep508Suite.NullableString(c.GetProperty("marker")), requirement.Marker?.ToString());

        // What it prints parses back to an equal requirement that prints the same.
        var reparsed = Requirement.Parse(requirement.ToString());
        Assert.Equal(requirement, reparsed);
        Assert.Equal(requirement.ToString(), reparsed.ToString());
    }

    [ConformanceTheory(Pep508Suite.Folder)]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_requirement_is_rejected(int index, string label)
    {
        var input = Pep508Suite.Requirement(index).GetProperty("input").GetString()!;

        Assert.False(Requirement.TryParse(input, out var requirement, out var error), $"{label} parsed as {requirement}");
        Assert.InRange(error.Column, 0, input.Length);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var thrown = Assert.Throws<RequirementParseException>(() => Requirement.Parse(input));
        Assert.Equal(error.Column, thrown.Column);
    }
}
