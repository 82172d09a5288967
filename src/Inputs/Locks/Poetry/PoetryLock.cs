using Req2Nix.Inputs.Pyproject;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// A poetry.lock as written, any format generation: the pre-1.0 layout without a
/// <c>lock-version</c>, 1.0 and 1.1 (<c>category</c>, hashes in <c>[metadata.files]</c>), 2.0
/// (per-package <c>files</c>) and 2.1 (per-package <c>groups</c> and <c>markers</c>). Read with
/// <see cref="PoetryLockReader"/>; <see cref="PoetryResolutionBuilder"/> turns it into a resolution.
/// </summary>
public sealed class PoetryLock
{
    /// <summary>How positions name the file, e.g. <c>poetry.lock</c>.</summary>
    public required string SourceName { get; init; }

    public required PoetryLockMetadata Metadata { get; init; }

    /// <summary>The <c>[[package]]</c> tables in file order.</summary>
    public required IReadOnlyList<PoetryPackage> Packages { get; init; }

    /// <summary>Older locks' top-level <c>[extras]</c>: each of the project's extras with the packages it installs.</summary>
    public IReadOnlyList<PoetryExtra> Extras { get; init; } = [];

    /// <summary>Lock 2.1 and later: each package says its groups and the markers under which each group needs it.</summary>
    public bool HasGroupsAndMarkers => Metadata.ParsedLockVersion is { } version && version >= PoetryLockReader.GroupsAndMarkersVersion;

    /// <summary>The resolution this lock describes for <paramref name="target"/>; see <see cref="PoetryResolutionBuilder"/>.</summary>
    public Resolution ToResolution(ResolutionTarget target, DependencySelection? selection = null, PyprojectToml? project = null) =>
        PoetryResolutionBuilder.ToResolution(this, target, selection, project);
}
