using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver;

/// <summary>
/// The result of resolving (or of reading a lock file): exact packages for every target system,
/// each with its files and verified hashes, and the dependency edges with the systems they hold on.
/// A package normally appears once; where systems need different versions it appears once per
/// version, with disjoint <see cref="ResolvedPackage.Systems"/>, and <see cref="Notes"/> says so.
/// </summary>
public sealed record Resolution(ResolutionTarget Target, IReadOnlyList<ResolvedPackage> Packages)
{
    /// <summary>The packages the inputs asked for directly (a devShell's <c>withPackages</c> list).</summary>
    public IReadOnlyList<ResolvedDependency> Roots { get; init; } = [];

    /// <summary>What a user should know about this resolution: forks per system, skipped sources.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The interpreter and the Nix systems a resolution is for.</summary>
public sealed record ResolutionTarget(PythonTarget Python, SystemSet Systems);
