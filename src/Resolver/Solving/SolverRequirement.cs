namespace Req2Nix.Resolver.Solving;

/// <summary>A requirement as the solver sees it (pip's resolver requirements): what it is for and which candidates satisfy it.</summary>
internal abstract class SolverRequirement
{
    protected SolverRequirement(Identifier identifier)
    {
        Identifier = identifier;
    }

    public Identifier Identifier { get; }

    /// <summary>The one candidate this requirement asks for, when it names one (pip's explicit lookup).</summary>
    public virtual Candidate? ExplicitCandidate => null;

    public abstract bool IsSatisfiedBy(Candidate candidate);

    /// <summary>The requirement for people: <c>b&gt;=1</c>, <c>Python &gt;=3.12</c>, <c>a 2.0 (from https://…)</c>.</summary>
    public abstract string Describe();

    public override string ToString() => Describe();
}
