using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// Something that can be pinned for an <see cref="Solving.Identifier"/>: a release from an index, a
/// direct URL's file, a release with extras, or the interpreter. Candidates are made once per
/// solver and compare by reference (pip caches them by link for the same effect).
/// </summary>
internal abstract class Candidate
{
    protected Candidate(Identifier identifier, Pep440Version version)
    {
        Identifier = identifier;
        Version = version;
    }

    public Identifier Identifier { get; }

    public Pep440Version Version { get; }

    /// <summary>The candidate's dependencies on its solver's system, once <see cref="CandidateFactory"/> has computed them.</summary>
    internal SolverRequirement[]? Dependencies { get; set; }

    public override string ToString() => $"{Identifier.Text} {Version}";
}
