using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Lock 2.1's <c>markers</c> of a package: one marker for all its groups
/// (<c>markers = "sys_platform == 'win32'"</c>), or a marker per group
/// (<c>markers = {main = "…", dev = "…"}</c>, a group absent from the table needing it everywhere).
/// </summary>
public sealed class PoetryPackageMarkers
{
    /// <summary>The single marker, or null when written per group.</summary>
    public string? Marker { get; init; }

    /// <summary>The marker per group in file order, or null when a single marker was written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? PerGroup { get; init; }

    public TomlPosition Position { get; init; }

    internal IReadOnlyList<TomlString> Values { get; init; } = [];
}
