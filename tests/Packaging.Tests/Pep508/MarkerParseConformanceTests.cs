using Req2Nix.Packaging.Pep508;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>markers.json parse[]: validity, and packaging 26.3's <c>str(Marker)</c> for the valid ones.</summary>
public class MarkerParseConformanceTests
{
    public static TheoryData<int, string> Cases =>
        Pep508Suite.Rows(Pep508Suite.MarkersFile, "parse", _ => true, c => Pep508Suite.Show(c.GetProperty("marker").GetString()));

    [ConformanceTheory(Pep508Suite.Folder)]
    [MemberData(nameof(Cases))]
    public void Marker_parses_and_prints_as_packaging_26_3(int index, string label)
    {
        var c = Pep508Suite.Marker("parse", index);
        var text = c.GetProperty("marker").GetString()!;

        var parsed = Marker.TryParse(text, out var marker, out var error);

        if (!c.GetProperty("valid").GetBoolean())
        {
            Assert.False(parsed, $"{label} parsed as {marker}");
            Assert.InRange(error.Column, 0, text.Length);
            Assert.Equal(error.Column, Assert.Throws<MarkerParseException>(() => Marker.Parse(text)).Column);
            return;
        }
        Assert.True(parsed, $"{label}: {error}");
        var normalized = c.GetProperty("normalized").GetString()!;
        Assert.Equal(normalized, marker!.ToString());
        Assert.Equal(marker, Marker.Parse(normalized));
    }
}
