namespace Req2Nix.Resolver.Solving;

/// <summary>
/// The requirements and incompatibilities <c>find_matches</c> sees (resolvelib's <c>IteratorMapping</c>s):
/// the criteria, plus one requirement being added to an identifier, or other incompatibilities for one.
/// </summary>
internal readonly struct CriteriaView
{
    private readonly OrderedMap<Identifier, Criterion> _criteria;
    private readonly Identifier? _appendedTo;
    private readonly SolverRequirement? _appended;
    private readonly Identifier? _incompatibilitiesFor;
    private readonly IReadOnlyList<Candidate>? _incompatibilities;

    public CriteriaView(
        OrderedMap<Identifier, Criterion> criteria,
        Identifier? appendedTo = null,
        SolverRequirement? appended = null,
        Identifier? incompatibilitiesFor = null,
        IReadOnlyList<Candidate>? incompatibilities = null)
    {
        _criteria = criteria;
        _appendedTo = appendedTo;
        _appended = appended;
        _incompatibilitiesFor = incompatibilitiesFor;
        _incompatibilities = incompatibilities;
    }

    public IEnumerable<SolverRequirement> RequirementsOf(Identifier identifier)
    {
        if (_criteria.TryGetValue(identifier, out var criterion))
        {
            foreach (var information in criterion.Information)
            {
                yield return information.Requirement;
            }
        }
        if (ReferenceEquals(identifier, _appendedTo) && _appended is not null)
        {
            yield return _appended;
        }
    }

    /// <summary>The criterion's incompatibilities, followed by the extra ones given for this identifier (duplicates are harmless).</summary>
    public IReadOnlyList<Candidate> IncompatibilitiesOf(Identifier identifier)
    {
        Candidate[] known = _criteria.TryGetValue(identifier, out var criterion) ? criterion.Incompatibilities : [];
        if (!ReferenceEquals(identifier, _incompatibilitiesFor) || _incompatibilities is not { Count: > 0 } extra)
        {
            return known;
        }
        return known.Length == 0 ? extra : [.. known, .. extra];
    }
}
