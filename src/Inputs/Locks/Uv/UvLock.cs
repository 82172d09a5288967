using Req2Nix.Inputs.Pyproject;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Uv;

/// <summary>
/// A uv.lock (lock format version 1) as written: the project's <c>requires-python</c>, the fork
/// markers it was resolved for, the workspace members and every locked package. Read with
/// <see cref="UvLockReader"/>.
/// </summary>
public sealed class UvLock
{
    public required string SourceName { get; init; }

    /// <summary>The lock format version: 1.</summary>
    public long Version { get; init; }

    public long? Revision { get; init; }

    /// <summary>The project's Python constraint (PEP 440).</summary>
    public string? RequiresPython { get; init; }

    /// <summary>The markers of the resolution's forks (<c>resolution-markers</c>), empty for a single resolution.</summary>
    public IReadOnlyList<string> ResolutionMarkers { get; init; } = [];

    /// <summary>The workspace members (<c>[manifest] members</c>); empty for a single project.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The <c>[[package]]</c> tables in file order.</summary>
    public required IReadOnlyList<UvPackage> Packages { get; init; }

    /// <summary>The resolution this lock describes for <paramref name="target"/>; see <see cref="UvResolutionBuilder"/>.</summary>
    public Resolution ToResolution(ResolutionTarget target, DependencySelection? selection = null) =>
        UvResolutionBuilder.ToResolution(this, target, selection);
}
