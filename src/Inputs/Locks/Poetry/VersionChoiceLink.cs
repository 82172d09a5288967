using Req2Nix.Packaging.Names;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// A dependency on a name of which the lock holds several versions: where it comes from, its
/// version constraint, and its graph edges (one per version it may lead to).
/// </summary>
internal sealed record VersionChoiceLink(int From, PackageName Name, PoetryConstraint? Constraint, IReadOnlyList<LockEdge> Edges)
{
    /// <summary><see cref="From"/> for a dependency of the project itself.</summary>
    public const int FromProject = -1;

    /// <summary>For an optional dependency, the extras of its package that activate it.</summary>
    public IReadOnlyList<ExtraName>? OnlyForExtras { get; init; }
}
