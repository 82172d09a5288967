namespace Req2Nix.Resolver.Solving;

/// <summary>
/// A release with extras (<c>requests[socks] 2.25.0</c>): its own node, which depends on exactly
/// its <see cref="Base"/> and on what the extras add, so that two extras of one project cannot
/// end up at different versions.
/// </summary>
internal sealed class ExtrasCandidate : Candidate
{
    public ExtrasCandidate(Identifier identifier, ReleaseCandidate baseCandidate)
        : base(identifier, baseCandidate.Version)
    {
        Base = baseCandidate;
    }

    public ReleaseCandidate Base { get; }
}
