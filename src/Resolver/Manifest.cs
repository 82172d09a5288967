namespace Req2Nix.Resolver;

/// <summary>
/// What the user asks for, whatever file it came from: root requirements, constraints that narrow
/// versions without adding packages (pip's <c>-c</c>), and where to look for distributions.
/// </summary>
public sealed record Manifest(IReadOnlyList<RootRequirement> Requirements)
{
    public IReadOnlyList<RootRequirement> Constraints { get; init; } = [];

    public IndexSettings Index { get; init; } = IndexSettings.PyPI;
}
