using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>One <c>[[package]]</c> of a poetry.lock, values as written.</summary>
public sealed class PoetryPackage
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Whether only an extra of the project installs it.</summary>
    public bool? Optional { get; init; }

    /// <summary>Locks before 2.1: <c>main</c> or <c>dev</c>.</summary>
    public string? Category { get; init; }

    /// <summary>Lock 2.1: the dependency groups that need it.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary><c>python-versions</c>, in Poetry's syntax.</summary>
    public string? PythonVersions { get; init; }

    /// <summary>Lock 2.1: when it is needed, for all its groups or per group.</summary>
    public PoetryPackageMarkers? Markers { get; init; }

    /// <summary>For directory (and some git) sources: installed in development mode.</summary>
    public bool? Develop { get; init; }

    /// <summary><c>[package.dependencies]</c> in file order.</summary>
    public IReadOnlyList<PoetryDependencyEntry> Dependencies { get; init; } = [];

    /// <summary><c>[package.extras]</c> in file order: each extra with its requirement strings.</summary>
    public IReadOnlyList<PoetryExtra> Extras { get; init; } = [];

    public PoetrySource? Source { get; init; }

    /// <summary>The files with their hashes, from <c>files</c> or the older <c>[metadata.files]</c>.</summary>
    public IReadOnlyList<PoetryFile> Files { get; init; } = [];

    public PoetryFilesOrigin FilesFrom { get; init; }

    /// <summary>Keys of the table none of the properties above stand for, in file order.</summary>
    public IReadOnlyList<string> OtherKeys { get; init; } = [];

    /// <summary>Where the <c>[[package]]</c> header was written.</summary>
    public TomlPosition Position { get; init; }

    internal TomlString? VersionValue { get; init; }

    internal TomlString? PythonVersionsValue { get; init; }
}
