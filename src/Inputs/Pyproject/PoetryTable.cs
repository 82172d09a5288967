using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>Poetry's <c>[tool.poetry]</c> table: the fields req2nix uses.</summary>
public sealed class PoetryTable
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    /// <summary><c>[tool.poetry.dependencies]</c> without the <c>python</c> key, in file order.</summary>
    public IReadOnlyList<PoetryDependencyEntry> Dependencies { get; init; } = [];

    /// <summary>The <c>python</c> key of <c>[tool.poetry.dependencies]</c>: the project's Python constraint in Poetry's syntax.</summary>
    public string? Python { get; init; }

    /// <summary><c>[tool.poetry.group.*]</c> in file order, then the legacy <c>dev-dependencies</c> as group <c>dev</c>.</summary>
    public IReadOnlyList<PoetryGroup> Groups { get; init; } = [];

    /// <summary><c>[tool.poetry.extras]</c>: each extra with the optional dependencies (names) it installs.</summary>
    public IReadOnlyList<PoetryExtra> Extras { get; init; } = [];

    /// <summary><c>[[tool.poetry.source]]</c>: the package indexes.</summary>
    public IReadOnlyList<PoetryIndexSource> Sources { get; init; } = [];

    public TomlPosition Position { get; init; }

    internal TomlString? PythonValue { get; init; }
}

/// <summary>A Poetry dependency group (<c>[tool.poetry.group.NAME]</c>); optional groups are installed only when asked for.</summary>
public sealed record PoetryGroup(string Name, IReadOnlyList<PoetryDependencyEntry> Dependencies)
{
    public bool Optional { get; init; }

    /// <summary>Groups whose dependencies this one includes (<c>include-groups</c>).</summary>
    public IReadOnlyList<string> IncludeGroups { get; init; } = [];

    public TomlPosition Position { get; init; }
}

/// <summary>A package index of <c>[[tool.poetry.source]]</c>.</summary>
public sealed record PoetryIndexSource(string Name, string? Url)
{
    /// <summary><c>primary</c>, <c>supplemental</c> or <c>explicit</c> (older files: <c>default</c>, <c>secondary</c>).</summary>
    public string Priority { get; init; } = "primary";

    public TomlPosition Position { get; init; }
}
