using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Uv;

/// <summary>A <c>[[package]]</c> of a uv.lock, values as written.</summary>
public sealed class UvPackage
{
    public required string Name { get; init; }

    /// <summary>The version; absent for a workspace member with a dynamic version.</summary>
    public string? Version { get; init; }

    public required UvSource Source { get; init; }

    /// <summary>The forks this version was chosen in, when the lock has several.</summary>
    public IReadOnlyList<string> ResolutionMarkers { get; init; } = [];

    public IReadOnlyList<UvDependency> Dependencies { get; init; } = [];

    /// <summary><c>[package.optional-dependencies]</c>: each extra with what it adds, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<UvDependency>>> OptionalDependencies { get; init; } = [];

    /// <summary><c>[package.dev-dependencies]</c> (a project's dependency groups), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<UvDependency>>> DevDependencies { get; init; } = [];

    public UvDistribution? Sdist { get; init; }

    public IReadOnlyList<UvDistribution> Wheels { get; init; } = [];

    public TomlPosition Position { get; init; }

    internal TomlString? VersionValue { get; init; }

    internal IReadOnlyList<TomlString> ResolutionMarkerValues { get; init; } = [];
}

/// <summary>
/// Where a uv.lock package comes from: <c>registry</c> (an index URL), <c>git</c> (a URL whose
/// fragment is the commit), <c>url</c>, <c>path</c>, <c>directory</c>, <c>editable</c> or
/// <c>virtual</c> (paths relative to the lock).
/// </summary>
public sealed record UvSource(string Kind, string Location)
{
    public string? Subdirectory { get; init; }

    public TomlPosition Position { get; init; }

    /// <summary>A package of the workspace itself: editable or virtual.</summary>
    public bool IsWorkspace => Kind is "editable" or "virtual";
}

/// <summary>A dependency entry: a name, the version and source when the lock holds several, a marker, extras.</summary>
public sealed class UvDependency
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public UvSource? Source { get; init; }

    public string? Marker { get; init; }

    public IReadOnlyList<string> Extras { get; init; } = [];

    public TomlPosition Position { get; init; }

    internal TomlString? MarkerValue { get; init; }
}

/// <summary>An sdist or wheel of a uv.lock package: its URL (or a local path) and hash.</summary>
public sealed class UvDistribution
{
    public string? Url { get; init; }

    public string? Path { get; init; }

    /// <summary><c>algorithm:hex</c>, e.g. <c>sha256:…</c>.</summary>
    public string? Hash { get; init; }

    public long? Size { get; init; }

    public TomlPosition Position { get; init; }

    /// <summary>The file's name: the last segment of its URL or path.</summary>
    public string? Filename => (Url ?? Path) is { } location ? LockedFiles.FilenameOf(location) : null;
}
