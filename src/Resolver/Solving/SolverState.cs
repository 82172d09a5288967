namespace Req2Nix.Resolver.Solving;

/// <summary>One round's state (resolvelib's <c>State</c>): the pins in pinning order, the criteria, and the causes of the last backtrack.</summary>
internal sealed class SolverState
{
    public SolverState(OrderedMap<Identifier, Candidate> mapping, OrderedMap<Identifier, Criterion> criteria, List<RequirementInformation> backtrackCauses)
    {
        Mapping = mapping;
        Criteria = criteria;
        BacktrackCauses = backtrackCauses;
    }

    public OrderedMap<Identifier, Candidate> Mapping { get; }

    public OrderedMap<Identifier, Criterion> Criteria { get; }

    public List<RequirementInformation> BacktrackCauses { get; }

    public SolverState Copy() => new(Mapping.Copy(), Criteria.Copy(), [.. BacktrackCauses]);
}
