using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>A project's page on one of the configured indexes, as the origin of the files it lists.</summary>
internal sealed record IndexListing(IndexLocation Index, PackageName Project) : ListingOrigin(Project);
