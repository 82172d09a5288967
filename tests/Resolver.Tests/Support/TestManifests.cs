using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver.Tests.Support;

/// <summary>Builds manifests the way a requirements file would: line N of <c>requirements.txt</c> is the Nth string.</summary>
internal static class TestManifests
{
    public const string File = "requirements.txt";

    public static PythonTarget Python311 { get; } = PythonTarget.Parse("3.11");

    public static ResolutionTarget Linux { get; } = new(Python311, SystemSet.Of(NixSystem.LinuxX64));

    public static ResolutionTarget AllSystems { get; } = new(Python311, SystemSet.All);

    public static Manifest Manifest(params string[] lines) => new(Roots(File, lines));

    public static IReadOnlyList<RootRequirement> Roots(string file, params string[] lines) =>
        [.. lines.Select((line, i) => new RootRequirement(Requirement.Parse(line), new SourceLocation(file, i + 1)))];

    public static Manifest WithConstraints(this Manifest manifest, params string[] lines) =>
        manifest with { Constraints = Roots("constraints.txt", lines) };

    public static Manifest WithIndex(this Manifest manifest, IndexSettings settings) => manifest with { Index = settings };
}
