using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>A candidate that is a distribution with its own metadata (pip's base candidates): from an index or a direct URL.</summary>
internal abstract class ReleaseCandidate : Candidate
{
    protected ReleaseCandidate(Identifier identifier, Pep440Version version, ReleaseMetadata metadata)
        : base(identifier, version)
    {
        Metadata = metadata;
    }

    public ReleaseMetadata Metadata { get; }
}
