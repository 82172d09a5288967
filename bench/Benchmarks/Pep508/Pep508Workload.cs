using System.Text.Json;
using Req2Nix.Benchmarks.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Benchmarks.Pep508;

/// <summary>
/// The PEP 508 benchmark corpus: every Requires-Dist line of shared/pypi-mirror/universe/universe.json
/// (102,903 real lines, in file order), their markers parsed once, and the environments of CPython 3.11
/// on the four Nix systems. Built once, outside timed regions.
/// </summary>
public sealed class Pep508Workload
{
    private Pep508Workload(string[] lines)
    {
        Lines = lines;
        var markers = new List<Marker>();
        foreach (var line in lines)
        {
            if (Requirement.TryParse(line, out var requirement, out _) && requirement.Marker is { } marker)
            {
                markers.Add(marker);
            }
        }
        Markers = [.. markers];
        Python = PythonTarget.Parse("3.11");
        Systems = MarkerEnvironmentSet.For(NixSystem.All, Python);
        Linux = Systems[0];
    }

    /// <summary>Every Requires-Dist line, in file order.</summary>
    public string[] Lines { get; }

    /// <summary>The markers of the lines that have one, parsed.</summary>
    public Marker[] Markers { get; }

    public PythonTarget Python { get; }

    /// <summary>CPython 3.11 on x86_64-linux, aarch64-linux, x86_64-darwin, aarch64-darwin.</summary>
    public MarkerEnvironmentSet Systems { get; }

    /// <summary>CPython 3.11 on x86_64-linux, the environment of the single-environment measures.</summary>
    public MarkerEnvironment Linux { get; }

    public static Pep508Workload Load(string? universePath = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(universePath ?? Pep440Workload.DefaultUniversePath()));
        var lines = new List<string>();
        foreach (var project in document.RootElement.GetProperty("projects").EnumerateObject())
        {
            foreach (var release in project.Value.GetProperty("versions").EnumerateObject())
            {
                foreach (var line in release.Value.EnumerateArray())
                {
                    lines.Add(line.GetString()!);
                }
            }
        }
        return new Pep508Workload([.. lines]);
    }

    /// <summary>Writes the lines and the four environments (as packaging's environment dicts) for the Python side.</summary>
    public void Export(string path)
    {
        var environments = Systems.Select(environment =>
            Enum.GetValues<MarkerVariable>()
                .Where(v => !MarkerVariables.IsSet(v))
                .ToDictionary(MarkerVariables.Name, v => environment[v]));
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, new { lines = Lines, environments });
    }
}
