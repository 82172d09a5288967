namespace Req2Nix.Resolver.Solving;

/// <summary>
/// Computes <see cref="Preference"/>s as pip's provider does, including its memory of inferred
/// depths: an identifier's depth is one more than the shallowest depth last computed for a parent,
/// so the order in which identifiers are asked about matters, as in pip.
/// </summary>
internal sealed class PreferenceRule
{
    private readonly IReadOnlyDictionary<Identifier, int> _userRequested;
    private readonly Dictionary<Identifier, double> _knownDepths = [];

    /// <param name="userRequested">Each identifier the inputs name, with the position of its first line.</param>
    public PreferenceRule(IReadOnlyDictionary<Identifier, int> userRequested)
    {
        _userRequested = userRequested;
    }

    public Preference Compute(Identifier identifier, Criterion criterion, IReadOnlyList<RequirementInformation> backtrackCauses)
    {
        var information = criterion.Information;
        var hasInformation = information.Length > 0;
        var pinned = false;
        var unfree = false;
        foreach (var entry in information)
        {
            if (entry.Requirement is SpecifierRequirement specifierRequirement)
            {
                unfree |= specifierRequirement.HasClauses;
                pinned |= specifierRequirement.PinsEqual;
            }
        }
        double inferredDepth;
        double requestedOrder;
        if (_userRequested.TryGetValue(identifier, out var order))
        {
            inferredDepth = 1.0;
            requestedOrder = order;
        }
        else
        {
            requestedOrder = double.PositiveInfinity;
            inferredDepth = double.PositiveInfinity;
            if (hasInformation)
            {
                foreach (var entry in information)
                {
                    var parentDepth = entry.Parent is null ? 0.0 : KnownDepth(entry.Parent.Identifier);
                    inferredDepth = Math.Min(inferredDepth, parentDepth + 1.0);
                }
            }
        }
        _knownDepths[identifier] = inferredDepth;
        return new Preference(
            NotRequiresPython: !identifier.IsPython,
            NotDirect: !hasInformation,
            NotPinned: !pinned,
            NotBacktrackCause: !IsBacktrackCause(identifier, backtrackCauses),
            InferredDepth: inferredDepth,
            RequestedOrder: requestedOrder,
            NotUnfree: !unfree,
            Identifier: identifier.Text);
    }

    private double KnownDepth(Identifier identifier) =>
        _knownDepths.TryGetValue(identifier, out var depth) ? depth : double.PositiveInfinity;

    private static bool IsBacktrackCause(Identifier identifier, IReadOnlyList<RequirementInformation> causes)
    {
        foreach (var cause in causes)
        {
            if (ReferenceEquals(cause.Requirement.Identifier, identifier) || ReferenceEquals(cause.Parent?.Identifier, identifier))
            {
                return true;
            }
        }
        return false;
    }
}
