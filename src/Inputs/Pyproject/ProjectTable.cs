using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>The PEP 621 <c>[project]</c> table: the fields req2nix uses.</summary>
public sealed class ProjectTable
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    /// <summary>A PEP 440 specifier set, as written.</summary>
    public string? RequiresPython { get; init; }

    /// <summary><see cref="RequiresPython"/> parsed (checked when the file is read); null when absent.</summary>
    public SpecifierSet? RequiresPythonSpecifiers { get; init; }

    /// <summary><c>dependencies</c>; null when the key is absent (it may be <c>dynamic</c>).</summary>
    public IReadOnlyList<ProjectRequirement>? Dependencies { get; init; }

    /// <summary><c>[project.optional-dependencies]</c> in file order.</summary>
    public IReadOnlyList<ProjectExtra> OptionalDependencies { get; init; } = [];

    public IReadOnlyList<string> Dynamic { get; init; } = [];

    public TomlPosition Position { get; init; }
}

/// <summary>An extra of <c>[project.optional-dependencies]</c> and the requirements it adds.</summary>
public sealed record ProjectExtra(string Name, IReadOnlyList<ProjectRequirement> Requirements)
{
    public TomlPosition Position { get; init; }
}
