using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>The PEP 517/518 <c>[build-system]</c> table.</summary>
public sealed record BuildSystem(IReadOnlyList<ProjectRequirement> Requires)
{
    /// <summary>The backend object (<c>setuptools.build_meta</c>); null means the legacy setuptools backend.</summary>
    public string? BuildBackend { get; init; }

    public IReadOnlyList<string> BackendPath { get; init; } = [];

    public TomlPosition Position { get; init; }
}
