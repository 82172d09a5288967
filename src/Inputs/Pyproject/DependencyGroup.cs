using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>A PEP 735 <c>[dependency-groups]</c> entry: requirements and other groups it includes, in order.</summary>
public sealed record DependencyGroup(string Name, IReadOnlyList<DependencyGroupItem> Items)
{
    public TomlPosition Position { get; init; }
}

/// <summary>An item of a dependency group: a requirement, or <c>{include-group = "name"}</c>.</summary>
public sealed record DependencyGroupItem
{
    public ProjectRequirement? Requirement { get; init; }

    public string? IncludeGroup { get; init; }

    public TomlPosition Position { get; init; }
}
