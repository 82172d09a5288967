using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Pylock;

/// <summary>
/// A <c>[[packages]]</c> entry of a pylock.toml: its name, version and marker, and where it comes
/// from: an index's <see cref="Sdist"/> and <see cref="Wheels"/>, or one of <see cref="Vcs"/>,
/// <see cref="Directory"/> and <see cref="Archive"/>.
/// </summary>
public sealed class PylockPackage
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    /// <summary>When the package is to be installed; always when null.</summary>
    public string? Marker { get; init; }

    public string? RequiresPython { get; init; }

    /// <summary>Which other entries it depends on (informational): each as the keys that identify it.</summary>
    public IReadOnlyList<PylockDependency> Dependencies { get; init; } = [];

    /// <summary>The index the files were found on.</summary>
    public string? Index { get; init; }

    public PylockVcs? Vcs { get; init; }

    public PylockDirectory? Directory { get; init; }

    public PylockArchive? Archive { get; init; }

    public PylockDistribution? Sdist { get; init; }

    public IReadOnlyList<PylockDistribution> Wheels { get; init; } = [];

    public TomlPosition Position { get; init; }

    internal TomlString? MarkerValue { get; init; }

    internal TomlString? VersionValue { get; init; }
}

/// <summary>A <c>[[packages.dependencies]]</c> entry: a name and, where needed to tell entries apart, a version.</summary>
public sealed record PylockDependency(string Name)
{
    public string? Version { get; init; }

    public TomlPosition Position { get; init; }
}

/// <summary><c>[packages.vcs]</c>: a checkout at an exact commit.</summary>
public sealed record PylockVcs(string Type, string CommitId)
{
    public string? Url { get; init; }

    public string? Path { get; init; }

    public string? RequestedRevision { get; init; }

    public string? Subdirectory { get; init; }
}

/// <summary><c>[packages.directory]</c>: a local source tree.</summary>
public sealed record PylockDirectory(string Path)
{
    public bool Editable { get; init; }

    public string? Subdirectory { get; init; }
}

/// <summary><c>[packages.archive]</c>: an archive by URL or path, with its hashes.</summary>
public sealed record PylockArchive(IReadOnlyDictionary<string, string> Hashes)
{
    public string? Url { get; init; }

    public string? Path { get; init; }

    public long? Size { get; init; }

    public string? Subdirectory { get; init; }
}

/// <summary>An sdist or wheel: its name (or the last part of its URL or path), location and hashes.</summary>
public sealed record PylockDistribution(IReadOnlyDictionary<string, string> Hashes)
{
    public string? Name { get; init; }

    public string? Url { get; init; }

    public string? Path { get; init; }

    public long? Size { get; init; }

    public TomlPosition Position { get; init; }

    /// <summary>The file's name: <see cref="Name"/>, else the last segment of its URL or path.</summary>
    public string? Filename => Name ?? ((Url ?? Path) is { } location ? LockedFiles.FilenameOf(location) : null);
}
