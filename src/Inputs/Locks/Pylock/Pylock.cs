using Req2Nix.Inputs.Pyproject;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Pylock;

/// <summary>
/// A PEP 751 <c>pylock.toml</c> (lock-version 1.x) as written: what environments and extras it
/// covers and every package that may be installed, each with a marker saying when. Read with
/// <see cref="PylockReader"/>.
/// </summary>
public sealed class PylockFile
{
    public required string SourceName { get; init; }

    public required string LockVersion { get; init; }

    /// <summary>Markers of the environments the lock supports; empty when not said.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    public string? RequiresPython { get; init; }

    /// <summary>The extras users may select.</summary>
    public IReadOnlyList<string> Extras { get; init; } = [];

    /// <summary>The dependency groups users may select.</summary>
    public IReadOnlyList<string> DependencyGroups { get; init; } = [];

    /// <summary>Synthetic groups that stand for the default installation.</summary>
    public IReadOnlyList<string> DefaultGroups { get; init; } = [];

    public string? CreatedBy { get; init; }

    /// <summary>The <c>[[packages]]</c> tables in file order.</summary>
    public required IReadOnlyList<PylockPackage> Packages { get; init; }

    /// <summary>The resolution this lock describes for <paramref name="target"/>; see <see cref="PylockResolutionBuilder"/>.</summary>
    public Resolution ToResolution(ResolutionTarget target, DependencySelection? selection = null) =>
        PylockResolutionBuilder.ToResolution(this, target, selection);
}
