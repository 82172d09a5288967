namespace Req2Nix.Resolver.Solving;

/// <summary>How a solver run ended: the connected pins, or the causes of the conflict that ended it.</summary>
internal sealed class SolverOutcome
{
    private SolverOutcome(OrderedMap<Identifier, Candidate>? pins, List<RequirementInformation> causes, SolverState state, int? roundLimit)
    {
        Pins = pins;
        Causes = causes;
        State = state;
        RoundLimit = roundLimit;
    }

    /// <summary>The pins with a route to the inputs, in pinning order; null when resolution failed.</summary>
    public OrderedMap<Identifier, Candidate>? Pins { get; }

    /// <summary>resolvelib's <c>ResolutionImpossible.causes</c>: the requirements that could not all be satisfied.</summary>
    public List<RequirementInformation> Causes { get; }

    /// <summary>The last state (its criteria say who required what).</summary>
    public SolverState State { get; }

    /// <summary>Set when the solver gave up after this many rounds.</summary>
    public int? RoundLimit { get; }

    public bool Succeeded => Pins is not null;

    public static SolverOutcome Resolved(OrderedMap<Identifier, Candidate> pins, SolverState state) => new(pins, [], state, null);

    public static SolverOutcome Impossible(List<RequirementInformation> causes, SolverState state) => new(null, causes, state, null);

    public static SolverOutcome TooDeep(int rounds, SolverState state) => new(null, [], state, rounds);
}
