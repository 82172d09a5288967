namespace Req2Nix.Resolver.Solving;

/// <summary>A requirement nothing satisfies: a named direct URL whose file cannot be used (<see cref="Reason"/> says why).</summary>
internal sealed class UnsatisfiableRequirement : SolverRequirement
{
    public UnsatisfiableRequirement(Identifier identifier, string reason)
        : base(identifier)
    {
        Reason = reason;
    }

    public string Reason { get; }

    public RootRequirement? Root { get; init; }

    public override bool IsSatisfiedBy(Candidate candidate) => false;

    public override string Describe() => $"{Identifier.Text} ({Reason})";
}
