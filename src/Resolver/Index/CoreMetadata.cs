using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Resolver.Index;

/// <summary>The parts of a release's core metadata (METADATA / PKG-INFO) that resolution needs.</summary>
public sealed record CoreMetadata(string Name, Pep440Version Version)
{
    public IReadOnlyList<Requirement> RequiresDist { get; init; } = [];

    /// <summary>Requires-Dist lines that are not valid PEP 508; a release with any is not a candidate.</summary>
    public IReadOnlyList<string> InvalidRequiresDist { get; init; } = [];

    public string? RequiresPython { get; init; }

    public IReadOnlyList<ExtraName> ProvidesExtra { get; init; } = [];
}
