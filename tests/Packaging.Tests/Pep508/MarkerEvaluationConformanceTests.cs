using System.Text.Json;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>markers.json evaluate[]: a marker against a named environment, true, false or raising.</summary>
public class MarkerEvaluationConformanceTests
{
    public static TheoryData<int, string> Cases => Rows("evaluate");

    [ConformanceTheory(Pep508Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Marker_evaluates_as_packaging_26_3(int index, string label) => Check(Pep508Suite.Marker("evaluate", index), label);

    internal static TheoryData<int, string> Rows(string member) =>
        Pep508Suite.Rows(
            Pep508Suite.MarkersFile,
            member,
            _ => true,
            c => $"{Pep508Suite.Show(c.GetProperty("marker").GetString())} on {c.GetProperty("environment").GetString()}");

    internal static void Check(JsonElement c, string label)
    {
        var marker = Marker.Parse(c.GetProperty("marker").GetString()!);
        var environment = Pep508Suite.Environment(c.GetProperty("environment").GetString()!);
        var expected = c.GetProperty("expected");

        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal("UndefinedComparison", c.GetProperty("raises").GetString());
            var thrown = Assert.Throws<MarkerEvaluationException>(() => marker.Evaluate(environment));
            Assert.Equal(MarkerEvaluationFailure.UndefinedComparison, thrown.Failure);
            Assert.False(marker.TryEvaluate(environment, environment.Extra.Length == 0 ? null : ExtraName.Parse(environment.Extra), out _));
            return;
        }
        Assert.True(expected.GetBoolean() == marker.Evaluate(environment), label);

        // Evaluating on a set of environments answers as each environment does alone.
        var extra = environment.Extra.Length == 0 ? (ExtraName?)null : ExtraName.Parse(environment.Extra);
        var other = Pep508Suite.Environment("windows-cpython-3.10");
        var pair = new MarkerEnvironmentSet([environment, other]);
        var otherDefined = marker.TryEvaluate(other, extra, out var otherResult);
        Assert.Equal(otherDefined, marker.TryEvaluate(pair, extra, out var mask));
        if (otherDefined)
        {
            Assert.True(expected.GetBoolean() == mask.Contains(0), label + " (in a set)");
            Assert.Equal(otherResult, mask.Contains(1));
        }
        Assert.Equal(expected.GetBoolean() ? 3UL : 0UL, marker.Evaluate(new MarkerEnvironmentSet([environment, environment]), extra).Bits);
    }
}
