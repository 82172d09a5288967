using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver;

/// <summary>An edge of the resolved graph: a package (with the extras asked of it) and the systems on which the edge exists.</summary>
public sealed record ResolvedDependency(PackageName Name, SystemSet Systems)
{
    public IReadOnlyList<ExtraName> Extras { get; init; } = [];
}
