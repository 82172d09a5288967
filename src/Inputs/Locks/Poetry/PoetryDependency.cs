using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// One constraint on a dependency as Poetry writes it, in poetry.lock's
/// <c>[package.dependencies]</c> and pyproject.toml's <c>[tool.poetry.dependencies]</c>: a
/// constraint string (<c>requests = "^2.28"</c>) or a table with a version or a source
/// (<c>git</c>/<c>url</c>/<c>path</c>/<c>file</c>) and conditions. Values are kept as written.
/// </summary>
public sealed class PoetryDependency
{
    /// <summary>The dependency's name as written (the key).</summary>
    public required string Name { get; init; }

    /// <summary>True when written as a table, false for a bare constraint string.</summary>
    public bool IsTable { get; init; }

    /// <summary>The version constraint in Poetry's syntax; the whole value for a string form.</summary>
    public string? Version { get; init; }

    /// <summary>A PEP 508 marker.</summary>
    public string? Markers { get; init; }

    /// <summary>A Python version constraint in Poetry's syntax (becomes a <c>python_version</c> marker).</summary>
    public string? Python { get; init; }

    /// <summary>A <c>sys_platform</c> constraint (<c>linux</c>, <c>darwin || linux</c>).</summary>
    public string? Platform { get; init; }

    public IReadOnlyList<string>? Extras { get; init; }

    public bool? Optional { get; init; }

    public bool? AllowPrereleases { get; init; }

    /// <summary>The name of the package source (<c>[[tool.poetry.source]]</c>) to take it from.</summary>
    public string? Source { get; init; }

    public bool? Develop { get; init; }

    public string? Git { get; init; }

    public string? Branch { get; init; }

    public string? Tag { get; init; }

    public string? Rev { get; init; }

    public string? Subdirectory { get; init; }

    public string? Path { get; init; }

    public string? File { get; init; }

    public string? Url { get; init; }

    /// <summary>Keys of the table that none of the properties above stand for, in file order.</summary>
    public IReadOnlyList<string> OtherKeys { get; init; } = [];

    /// <summary>Where the string or table was written.</summary>
    public TomlPosition Position { get; init; }

    /// <summary>The version string, for positions inside it.</summary>
    internal TomlString? VersionValue { get; init; }

    internal TomlString? MarkersValue { get; init; }

    internal TomlString? PythonValue { get; init; }
}
