namespace Req2Nix.Resolver.Solving;

/// <summary>
/// resolvelib 1.0.1's resolution loop, step for step as pip 23.2 runs it: each round pins the most
/// preferred unsatisfied identifier with its first candidate whose dependencies fit; when none fits,
/// it backjumps to the newest state whose pin could have caused the conflict, carrying the
/// incompatibilities learned; the result keeps only what has a route to the inputs.
/// </summary>
internal sealed class BacktrackingSolver
{
    private const int MaxWalkAhead = 32;

    private readonly CandidateFactory _factory;
    private readonly MatchFinder _finder;
    private readonly PreferenceRule _preference;
    private readonly PinNotifier? _notifier;
    private readonly List<SolverState> _states = [];
    private readonly HashSet<Identifier> _satisfied = new(ReferenceEqualityComparer.Instance);

    public BacktrackingSolver(CandidateFactory factory, MatchFinder finder, PreferenceRule preference, PinNotifier? notifier = null)
    {
        _factory = factory;
        _finder = finder;
        _preference = preference;
        _notifier = notifier;
    }

    /// <summary>How many rounds the last run took.</summary>
    public int Rounds { get; private set; }

    /// <summary>How many times the last run backjumped.</summary>
    public int Backjumps { get; private set; }

    private SolverState State => _states[^1];

    /// <summary>For each identifier, the first requirement on it the solver met and who brought it (explanations trace chains with it).</summary>
    public Dictionary<Identifier, RequirementInformation> Introductions { get; } = new(ReferenceEqualityComparer.Instance);

    public SolverOutcome Resolve(IReadOnlyList<SolverRequirement> requirements, int maxRounds, CancellationToken cancellationToken)
    {
        if (_states.Count > 0)
        {
            throw new InvalidOperationException("a solver resolves once");
        }
        _states.Add(new SolverState(new OrderedMap<Identifier, Candidate>(), new OrderedMap<Identifier, Criterion>(), []));
        foreach (var requirement in requirements)
        {
            var conflict = AddToCriteria(State.Criteria, requirement, parent: null);
            if (conflict is not null)
            {
                return SolverOutcome.Impossible([.. conflict.Information], State);
            }
        }
        // The root state stays as a sentinel, so that the first pin has something to backjump to.
        PushNewState();

        for (var round = 0; round < maxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Rounds = round + 1;
            var unsatisfied = new List<Identifier>();
            // One set for every round (cleared, not made anew): it grew to the criteria's size, a
            // few hundred, by resizing, in each of a resolution's rounds.
            var satisfied = _satisfied;
            satisfied.Clear();
            foreach (var (key, criterion) in State.Criteria.Entries())
            {
                if (IsCurrentPinSatisfying(key, criterion))
                {
                    satisfied.Add(key);
                }
                else
                {
                    unsatisfied.Add(key);
                }
            }
            if (unsatisfied.Count == 0)
            {
                return SolverOutcome.Resolved(BuildResult(State), State);
            }

            var name = MostPreferred(unsatisfied);
            var failureCauses = AttemptToPinCriterion(name);
            if (failureCauses.Count > 0)
            {
                var causes = new List<RequirementInformation>();
                foreach (var criterion in failureCauses)
                {
                    causes.AddRange(criterion.Information);
                }
                Backjumps++;
                // The state that failed is the one to explain from: backjumping may consume the history.
                var failingState = State;
                var (success, impossible) = Backjump(causes);
                if (impossible)
                {
                    return SolverOutcome.Impossible(causes, failingState);
                }
                State.BacktrackCauses.Clear();
                State.BacktrackCauses.AddRange(causes);
                if (!success)
                {
                    return SolverOutcome.Impossible([.. State.BacktrackCauses], failingState);
                }
            }
            else
            {
                // Requirements brought in by pins that no longer satisfy stop counting.
                var newlyUnsatisfied = new HashSet<Identifier>(ReferenceEqualityComparer.Instance);
                foreach (var (key, criterion) in State.Criteria.Entries())
                {
                    if (satisfied.Contains(key) && !IsCurrentPinSatisfying(key, criterion))
                    {
                        newlyUnsatisfied.Add(key);
                    }
                }
                RemoveInformationFromCriteria(State.Criteria, newlyUnsatisfied);
                PushNewState();
            }
        }
        return SolverOutcome.TooDeep(maxRounds, State);
    }

    private Identifier MostPreferred(List<Identifier> unsatisfied)
    {
        // Python's min(): the first of the smallest keys, keys computed in order (depths depend on it).
        var best = unsatisfied[0];
        var bestKey = _preference.Compute(best, State.Criteria[best], State.BacktrackCauses);
        for (var i = 1; i < unsatisfied.Count; i++)
        {
            var key = _preference.Compute(unsatisfied[i], State.Criteria[unsatisfied[i]], State.BacktrackCauses);
            if (key < bestKey)
            {
                best = unsatisfied[i];
                bestKey = key;
            }
        }
        return best;
    }

    private void PushNewState() => _states.Add(State.Copy());

    /// <summary>Adds a requirement to the criteria; returns the conflicting criterion when no candidate is left.</summary>
    private Criterion? AddToCriteria(OrderedMap<Identifier, Criterion> criteria, SolverRequirement requirement, Candidate? parent)
    {
        var identifier = requirement.Identifier;
        Introductions.TryAdd(identifier, new RequirementInformation(requirement, parent));
        criteria.TryGetValue(identifier, out var existing);
        var incompatibilities = existing?.Incompatibilities ?? [];
        var matches = _finder.Find(identifier, new CriteriaView(criteria, identifier, requirement, identifier, incompatibilities));
        RequirementInformation[] information = existing is null
            ? [new RequirementInformation(requirement, parent)]
            : [.. existing.Information, new RequirementInformation(requirement, parent)];
        var criterion = new Criterion(matches, information, incompatibilities);
        if (!matches.Any())
        {
            return criterion;
        }
        criteria[identifier] = criterion;
        return null;
    }

    private static void RemoveInformationFromCriteria(OrderedMap<Identifier, Criterion> criteria, HashSet<Identifier> parents)
    {
        if (parents.Count == 0)
        {
            return;
        }
        foreach (var (key, criterion) in criteria.Entries().ToList())
        {
            var kept = criterion.Information
                .Where(information => information.Parent is null || !parents.Contains(information.Parent.Identifier))
                .ToArray();
            criteria[key] = new Criterion(criterion.Candidates, kept, criterion.Incompatibilities);
        }
    }

    private bool IsCurrentPinSatisfying(Identifier name, Criterion criterion)
    {
        if (!State.Mapping.TryGetValue(name, out var pin))
        {
            return false;
        }
        foreach (var information in criterion.Information)
        {
            if (!information.Requirement.IsSatisfiedBy(pin))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The criteria after adding <paramref name="candidate"/>'s dependencies, or the criterion that conflicts.</summary>
    private (OrderedMap<Identifier, Criterion>? Criteria, Criterion? Conflict) GetUpdatedCriteria(Candidate candidate)
    {
        var criteria = State.Criteria.Copy();
        foreach (var requirement in _factory.GetDependencies(candidate))
        {
            var conflict = AddToCriteria(criteria, requirement, candidate);
            if (conflict is not null)
            {
                return (null, conflict);
            }
        }
        return (criteria, null);
    }

    private List<Criterion> AttemptToPinCriterion(Identifier name)
    {
        var criterion = State.Criteria[name];
        var causes = new List<Criterion>();
        for (var position = 0; ; position++)
        {
            var candidate = criterion.Candidates.ElementAt(position);
            if (candidate is null)
            {
                return causes;
            }
            var (criteria, conflict) = GetUpdatedCriteria(candidate);
            if (conflict is not null)
            {
                causes.Add(conflict);
                // Walking down the versions: fetch the next few together rather than one by one
                // (4, 8, 12 … up to 32 ahead: a release walked down is often walked far, 16 versions of
                // nbconvert in the 166-package set; what is fetched and not tried is bounded by the window).
                criterion.Candidates.PrefetchAfter(position, Math.Min(4 * causes.Count, MaxWalkAhead));
                continue;
            }
            foreach (var information in criterion.Information)
            {
                if (!information.Requirement.IsSatisfiedBy(candidate))
                {
                    throw new InvalidOperationException(
                        $"internal error: candidate {candidate} does not satisfy {information.Requirement.Describe()}, which found it");
                }
            }
            foreach (var (key, value) in criteria!.Entries())
            {
                State.Criteria[key] = value;
            }
            // The newest pin goes last: backjumping takes pins from the end.
            State.Mapping.Remove(name);
            State.Mapping[name] = candidate;
            _notifier?.Pinned(candidate);
            return [];
        }
    }

    /// <summary>
    /// resolvelib's <c>_backjump</c>. Returns success when a state was found where the learned
    /// incompatibilities apply cleanly; impossible when the history ran out while looking for the
    /// state that caused the conflict.
    /// </summary>
    private (bool Success, bool Impossible) Backjump(List<RequirementInformation> causes)
    {
        var incompatibleDependencies = new HashSet<Identifier>(ReferenceEqualityComparer.Instance);
        foreach (var cause in causes)
        {
            if (cause.Parent is not null)
            {
                incompatibleDependencies.Add(cause.Parent.Identifier);
            }
        }
        foreach (var cause in causes)
        {
            incompatibleDependencies.Add(cause.Requirement.Identifier);
        }

        while (_states.Count >= 3)
        {
            // Drop the state that triggered backtracking.
            _states.RemoveAt(_states.Count - 1);

            SolverState brokenState;
            Identifier name;
            Candidate candidate;
            while (true)
            {
                if (_states.Count == 0)
                {
                    return (false, true);
                }
                brokenState = _states[^1];
                _states.RemoveAt(_states.Count - 1);
                if (!brokenState.Mapping.TryPopLast(out name, out candidate!))
                {
                    return (false, true);
                }
                var dependencies = _factory.GetDependencies(candidate);
                if (dependencies.Any(dependency => incompatibleDependencies.Contains(dependency.Identifier)))
                {
                    break;
                }
            }

            var fromBroken = new List<(Identifier Key, List<Candidate> Incompatibilities)>();
            foreach (var (key, criterion) in brokenState.Criteria.Entries())
            {
                fromBroken.Add((key, [.. criterion.Incompatibilities]));
            }
            fromBroken.Add((name, [candidate]));

            PushNewState();
            if (PatchCriteria(fromBroken))
            {
                return (true, false);
            }
            // The learned incompatibilities do not fit this state either: try the one before.
        }
        return (false, false);
    }

    private bool PatchCriteria(List<(Identifier Key, List<Candidate> Incompatibilities)> fromBroken)
    {
        foreach (var (key, incompatibilities) in fromBroken)
        {
            if (incompatibilities.Count == 0 || !State.Criteria.TryGetValue(key, out var criterion))
            {
                continue;
            }
            var matches = _finder.Find(key, new CriteriaView(State.Criteria, incompatibilitiesFor: key, incompatibilities: incompatibilities));
            if (!matches.Any())
            {
                return false;
            }
            incompatibilities.AddRange(criterion.Incompatibilities);
            State.Criteria[key] = new Criterion(matches, [.. criterion.Information], [.. incompatibilities]);
        }
        return true;
    }

    /// <summary>resolvelib's <c>_build_result</c>: the pins with a route to the inputs through the pins that required them.</summary>
    private static OrderedMap<Identifier, Candidate> BuildResult(SolverState state)
    {
        var keyOfPin = new Dictionary<Candidate, Identifier>(ReferenceEqualityComparer.Instance);
        foreach (var (key, candidate) in state.Mapping.Entries())
        {
            keyOfPin[candidate] = key;
        }
        var connected = new HashSet<Identifier>(ReferenceEqualityComparer.Instance);
        var result = new OrderedMap<Identifier, Candidate>();
        foreach (var key in state.Criteria.Keys())
        {
            HasRouteToRoot(state, key, keyOfPin, connected, new HashSet<Identifier>(ReferenceEqualityComparer.Instance));
        }
        foreach (var (key, candidate) in state.Mapping.Entries())
        {
            if (connected.Contains(key))
            {
                result[key] = candidate;
            }
        }
        return result;
    }

    private static bool HasRouteToRoot(
        SolverState state,
        Identifier key,
        Dictionary<Candidate, Identifier> keyOfPin,
        HashSet<Identifier> connected,
        HashSet<Identifier> visiting)
    {
        if (connected.Contains(key))
        {
            return true;
        }
        if (!state.Criteria.TryGetValue(key, out var criterion) || !visiting.Add(key))
        {
            return false;
        }
        foreach (var information in criterion.Information)
        {
            if (information.Parent is null)
            {
                connected.Add(key);
                return true;
            }
            if (!keyOfPin.TryGetValue(information.Parent, out var parentKey))
            {
                continue;
            }
            if (connected.Contains(parentKey) || HasRouteToRoot(state, parentKey, keyOfPin, connected, visiting))
            {
                connected.Add(key);
                return true;
            }
        }
        return false;
    }
}
