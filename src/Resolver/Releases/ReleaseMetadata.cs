using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// A release's core metadata checked for use as a candidate: pip discards a candidate whose
/// metadata names another project or version, and req2nix also one whose Requires-Dist does not
/// parse (<see cref="Problem"/> says which).
/// </summary>
public sealed class ReleaseMetadata
{
    private readonly HashSet<ExtraName> _extras;

    public ReleaseMetadata(CoreMetadata metadata, PackageName expectedName, Pep440Version expectedVersion)
        : this(metadata, expectedName, expectedVersion, problem: null)
    {
    }

    private ReleaseMetadata(CoreMetadata metadata, PackageName expectedName, Pep440Version expectedVersion, string? problem)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(expectedVersion);
        Metadata = metadata;
        _extras = [.. metadata.ProvidesExtra];
        // pip ignores a Requires-Python it cannot parse.
        RequiresPython = metadata.RequiresPython is { Length: > 0 } text && SpecifierSet.TryParse(text, out var specifier, out _) && specifier.Count > 0
            ? specifier
            : null;
        Problem = problem ?? FindProblem(metadata, expectedName, expectedVersion);
    }

    /// <summary>A release whose metadata could not be read at all.</summary>
    public static ReleaseMetadata Unusable(PackageName name, Pep440Version version, string problem) =>
        new(new CoreMetadata(name.Value, version), name, version, problem);

    public CoreMetadata Metadata { get; }

    public IReadOnlyList<Requirement> Dependencies => Metadata.RequiresDist;

    /// <summary>Requires-Python when it has clauses; null when absent, empty or unparsable (pip adds no requirement then).</summary>
    public SpecifierSet? RequiresPython { get; }

    /// <summary>Why the release cannot be a candidate, or null when it can.</summary>
    public string? Problem { get; }

    public bool IsUsable => Problem is null;

    public bool ProvidesExtra(ExtraName extra) => _extras.Contains(extra);

    private static string? FindProblem(CoreMetadata metadata, PackageName expectedName, Pep440Version expectedVersion)
    {
        if (!PackageName.TryParse(metadata.Name, out var name) || name != expectedName)
        {
            return $"its metadata names project '{metadata.Name}', not '{expectedName}'";
        }
        if (!metadata.Version.Equals(expectedVersion))
        {
            return $"its metadata says version {metadata.Version}, not {expectedVersion}";
        }
        if (metadata.InvalidRequiresDist.Count > 0)
        {
            return $"its metadata has a Requires-Dist that is not PEP 508: '{metadata.InvalidRequiresDist[0]}'";
        }
        return null;
    }
}
