using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>A distribution at a URL the inputs name (<c>name @ https://…/name-1.0-py3-none-any.whl</c>); its version is its metadata's.</summary>
internal sealed class DirectCandidate : ReleaseCandidate
{
    public DirectCandidate(Identifier identifier, Pep440Version version, ReleaseMetadata metadata, DistributionFile file, ArchiveSource source)
        : base(identifier, version, metadata)
    {
        File = file;
        Source = source;
    }

    public DistributionFile File { get; }

    public ArchiveSource Source { get; }

    public override string ToString() => $"{Identifier.Text} {Version} (from {Source.Url})";
}
