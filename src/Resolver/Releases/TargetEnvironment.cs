using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver.Releases;

/// <summary>One system a resolution runs for: CPython <see cref="Python"/> on <see cref="System"/>, as markers and wheel tags see it.</summary>
public sealed class TargetEnvironment
{
    public TargetEnvironment(NixSystem system, PythonTarget python)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(python);
        System = system;
        Python = python;
        Markers = MarkerEnvironment.For(system, python);
        Tags = CompatibleTags.For(system, python.Version);
        PythonVersion = Pep440Version.Parse(python.FullVersion);
    }

    public NixSystem System { get; }

    public PythonTarget Python { get; }

    public MarkerEnvironment Markers { get; }

    public CompatibleTags Tags { get; }

    /// <summary>The interpreter's full version, what Requires-Python is checked against (pip's <c>python_full_version</c>).</summary>
    public Pep440Version PythonVersion { get; }

    /// <summary>Whether a Requires-Python admits the interpreter (pip's check: pre-releases allowed).</summary>
    public bool SupportsPython(SpecifierSet? requiresPython) =>
        requiresPython is null || requiresPython.Contains(PythonVersion, prereleases: true);

    public override string ToString() => System.Name;
}
