using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Index;

/// <summary>The files an index lists for one project, in the index's order.</summary>
public sealed record ProjectListing(PackageName Name, IReadOnlyList<DistributionFile> Files);
