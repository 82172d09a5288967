using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>
/// markers.json evaluate_exotic[]: the upstream tests' VARIABLE x OPERATOR x VALUE product, which
/// PEP 508 leaves ill-defined; asserted against packaging 26.3 (the reference), including the
/// cases on which 21.3 or 25.0 answer differently.
/// </summary>
public class MarkerExoticEvaluationConformanceTests
{
    public static TheoryData<int, string> Cases => MarkerEvaluationConformanceTests.Rows("evaluate_exotic");

    [ConformanceTheory(Pep508Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Exotic_marker_evaluates_as_packaging_26_3(int index, string label) =>
        MarkerEvaluationConformanceTests.Check(Pep508Suite.Marker("evaluate_exotic", index), label);
}
