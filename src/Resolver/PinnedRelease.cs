using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver;

/// <summary>
/// A release one system's solver has pinned (<see cref="IResolutionObserver"/>), with the files a
/// resolution would list for it on that system: usable there, allowed by the <c>--hash</c> pins,
/// yanked files left out when others exist. Digests are the index's (<see cref="DistributionFile.Sha256"/>,
/// null where it states none); a direct URL's release has its one file.
/// </summary>
public sealed record PinnedRelease(PackageName Name, Pep440Version Version, NixSystem System, IReadOnlyList<DistributionFile> Files)
{
    /// <summary>Set for a release from a URL the inputs name rather than from an index.</summary>
    public ArchiveSource? Source { get; init; }
}
