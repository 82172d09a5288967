using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// A dependency edge of a lock file's graph: the package it points to (a node index), when it holds,
/// the extras it asks of the target, and, where a lock holds several versions of one name, the
/// environments the chosen version is meant for.
/// </summary>
internal sealed record LockEdge(int Target, Marker? Marker, IReadOnlyList<ExtraName> Extras, TomlPosition Position)
{
    /// <summary>Environments outside which the edge does not lead to this target (all when null).</summary>
    public EnvironmentMask? Restrict { get; init; }
}
