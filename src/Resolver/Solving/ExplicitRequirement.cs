namespace Req2Nix.Resolver.Solving;

/// <summary>A requirement for exactly one candidate: an extras node's base, or a direct URL.</summary>
internal sealed class ExplicitRequirement : SolverRequirement
{
    public ExplicitRequirement(Candidate candidate)
        : base(candidate.Identifier)
    {
        Candidate = candidate;
    }

    public Candidate Candidate { get; }

    /// <summary>Where an input asked for this candidate (a direct URL line); null for an extras node's base.</summary>
    public RootRequirement? Root { get; init; }

    public override Candidate? ExplicitCandidate => Candidate;

    public override bool IsSatisfiedBy(Candidate candidate) => ReferenceEquals(candidate, Candidate);

    public override string Describe() => Candidate is DirectCandidate direct
        ? $"{Identifier.Text} @ {direct.Source.Url}"
        : $"{Identifier.Text}=={Candidate.Version}";
}
