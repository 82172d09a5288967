using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// A key of a Poetry dependencies table with its constraints: one, or several in a list
/// (<c>numpy = [{version = "1.24", markers = "…"}, {version = "1.26", markers = "…"}]</c>), each
/// for different markers.
/// </summary>
public sealed record PoetryDependencyEntry(string Name, IReadOnlyList<PoetryDependency> Constraints)
{
    /// <summary>True when the value was an array (even of one item).</summary>
    public bool IsList { get; init; }

    /// <summary>Where the key was written.</summary>
    public TomlPosition Position { get; init; }
}
