using Req2Nix.Resolver.Releases;
using Req2Nix.Resolver.Solving;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Explaining;

/// <summary>
/// Turns a failed solver run into statements about the inputs: which lines need what, through
/// which releases, what the index has, and what therefore cannot be satisfied — e.g.
/// <c>requirements.txt:3 needs a&gt;=2; every a version allowed (2.0 … 2.4) needs b&lt;1;
/// requirements.txt:4 needs b&gt;=1; so no version of a satisfies the requirements</c>.
/// </summary>
internal sealed class ConflictExplainer
{
    private const int MaxChainLength = 8;

    private readonly SystemSolve _solve;
    private readonly SolverOutcome _outcome;
    private readonly List<string> _statements = [];

    public ConflictExplainer(SystemSolve solve)
    {
        _solve = solve;
        _outcome = solve.Outcome ?? throw new InvalidOperationException("the solver has not run");
    }

    public IReadOnlyList<string> Explain()
    {
        if (_outcome.RoundLimit is { } limit)
        {
            return [$"resolution gave up after {limit} rounds (pip's limit): the requirements leave too many combinations to try; pin some versions"];
        }
        var causes = _outcome.Causes.Distinct().ToList();
        var python = _solve.Factory.Python;
        var pythonCauses = causes
            .Where(cause => cause.Requirement is RequiresPythonRequirement requirement && !requirement.IsSatisfiedBy(python))
            .ToList();
        if (pythonCauses.Count > 0)
        {
            // As pip does, an interpreter mismatch is the whole story.
            ExplainNeeds(pythonCauses);
            Add($"but the target is Python {python.Version}");
            return _statements;
        }
        foreach (var group in causes.GroupBy(cause => cause.Requirement.Identifier))
        {
            ExplainConflictOn(group.Key, [.. group]);
        }
        return _statements;
    }

    private void ExplainConflictOn(Identifier identifier, List<RequirementInformation> causes)
    {
        var missing = _solve.Finder.MissingProjects.Contains(identifier.Name);
        var parentNames = ExplainNeeds(causes);
        if (missing)
        {
            _statements[^1] += ", which no index has";
        }
        else if (AvailabilityOf(identifier, causes) is { } availability)
        {
            Add(availability);
        }
        if (causes.FirstOrDefault(cause => cause.Requirement is UnsatisfiableRequirement).Requirement is UnsatisfiableRequirement unsatisfiable)
        {
            Add($"{unsatisfiable.Identifier.Text} cannot come from there: {unsatisfiable.Reason}");
        }
        if (parentNames.Count > 0)
        {
            Add($"so no version of {Join(parentNames)} satisfies the requirements");
        }
        else if (!missing)
        {
            Add($"so no version of {identifier.Text} satisfies the requirements");
        }
    }

    /// <summary>States who needs what for each cause; returns the identifiers of the releases that brought requirements in.</summary>
    private List<string> ExplainNeeds(List<RequirementInformation> causes)
    {
        var parentNames = new List<string>();
        foreach (var root in causes.Where(cause => cause.Parent is null).Select(cause => cause.Requirement).Distinct())
        {
            Add($"{OriginOf(root)} needs {root.Describe()}");
        }
        var byParent = causes
            .Where(cause => cause.Parent is not null)
            .GroupBy(cause => (cause.Parent!.Identifier, Requirement: cause.Requirement.Describe()));
        foreach (var group in byParent)
        {
            var parent = group.Key.Identifier;
            if (!parentNames.Contains(parent.Text))
            {
                parentNames.Add(parent.Text);
                ExplainWhyNeeded(parent, []);
            }
            var parents = group.Select(cause => cause.Parent!).Distinct().ToList();
            Add($"{DescribeReleases(parent, parents)} {group.Key.Requirement}");
        }
        return parentNames;
    }

    /// <summary>States the chain of requirements that made <paramref name="identifier"/> needed, ending at an input line.</summary>
    private void ExplainWhyNeeded(Identifier identifier, HashSet<Identifier> visited)
    {
        if (!visited.Add(identifier) || visited.Count > MaxChainLength
            || !_outcome.State.Criteria.TryGetValue(identifier, out var criterion) || criterion.Information.Length == 0)
        {
            return;
        }
        var root = criterion.Information.FirstOrDefault(information => information.Parent is null);
        if (root.Requirement is not null)
        {
            Add($"{OriginOf(root.Requirement)} needs {root.Requirement.Describe()}");
            return;
        }
        var via = criterion.Information[0];
        ExplainWhyNeeded(via.Parent!.Identifier, visited);
        Add($"{via.Parent} needs {via.Requirement.Describe()}");
    }

    private string DescribeReleases(Identifier parent, List<Candidate> parents)
    {
        var indexParents = parents.Select(ReleaseOf).OfType<IndexCandidate>().ToList();
        if (indexParents.Count != parents.Count || indexParents.Count == 0)
        {
            return string.Join(", ", parents.Select(candidate => candidate.ToString())) + (parents.Count == 1 ? " needs" : " each need");
        }
        var project = indexParents[0].Project;
        var tried = project.Catalog.Of(indexParents.Select(candidate => candidate.VersionIndex));
        if (tried.Count == 1)
        {
            return $"{parent.Text} {tried.Describe()} needs";
        }
        var allowed = AllowedVersions(parent, project);
        return allowed is not null && allowed.IsSubsetOf(tried)
            ? $"every {parent.Text} version allowed ({tried.Describe()}) needs"
            : $"{parent.Text} {tried.Describe()} each need";
    }

    /// <summary>What the index offers for <paramref name="identifier"/> when that explains the conflict; null when it adds nothing.</summary>
    private string? AvailabilityOf(Identifier identifier, List<RequirementInformation> causes)
    {
        if (identifier.IsPython || !_solve.Factory.Store.TryGetArrivedProject(identifier.Name, out var project) || project is null)
        {
            return null;
        }
        var releases = _solve.Factory.Store.ReleasesOn(project, _solve.Target);
        var target = _solve.Target;
        if (project.Catalog.Count == 0)
        {
            return $"the index lists no wheel or sdist of {identifier.Name}";
        }
        if (releases.Available.IsEmpty)
        {
            return $"{identifier.Name} has no file that CPython {target.Python} can use on {target.System} (it has {project.Catalog.All.Describe()})";
        }
        var requirements = causes.Select(cause => cause.Requirement).OfType<SpecifierRequirement>().Distinct().ToList();
        var constraint = _solve.Finder.ConstraintFor(identifier);
        var matching = constraint.MatchingIn(project.Catalog);
        foreach (var requirement in requirements)
        {
            matching = matching.Intersect(requirement.MatchingIn(project.Catalog));
        }
        var constraintNote = constraint.Sources.Count > 0
            ? $" (with the constraint at {string.Join(", ", constraint.Sources.Select(source => source.Origin))}: {constraint.Specifier})"
            : string.Empty;
        var matched = releases.Available.Intersect(matching);
        if (matched.IsEmpty)
        {
            return causes.Any(cause => cause.Parent is not null) && requirements.Count > 1
                ? null
                : $"{identifier.Name} has {releases.Available.Describe()}, none of which matches{constraintNote}";
        }
        if (matched.IsSubsetOf(project.Catalog.FinalReleases.Complement()))
        {
            return $"only pre-releases of {identifier.Name} match ({matched.Describe()}), and pip takes a pre-release only with --pre or when a specifier names one";
        }
        if (matched.IsSubsetOf(releases.YankedOnly))
        {
            return $"the matching releases of {identifier.Name} are yanked ({matched.Describe()}); only a == pin selects a yanked release";
        }
        var unusable = matched.Versions()
            .Select(version => _solve.Factory.UnusableReleases.TryGetValue((identifier.Name, version.ToString()), out var problem) ? $"{identifier.Name} {version}: {problem}" : null)
            .OfType<string>()
            .ToList();
        return unusable.Count > 0 ? $"releases whose metadata cannot be used were skipped ({string.Join("; ", unusable)})" : null;
    }

    private VersionSet? AllowedVersions(Identifier identifier, ProjectReleases project)
    {
        if (!_outcome.State.Criteria.TryGetValue(identifier, out var criterion))
        {
            return null;
        }
        var releases = _solve.Factory.Store.ReleasesOn(project, _solve.Target);
        var matching = _solve.Finder.ConstraintFor(identifier).MatchingIn(project.Catalog);
        var hasClauses = false;
        var allowPreReleases = _solve.Factory.Store.Settings.AllowPreReleases;
        foreach (var information in criterion.Information)
        {
            if (information.Requirement is SpecifierRequirement requirement)
            {
                matching = matching.Intersect(requirement.MatchingIn(project.Catalog));
                hasClauses |= requirement.Specifier.Count > 0;
                allowPreReleases |= requirement.Specifier.Any(PipCandidateRules.NamesPreRelease);
            }
        }
        return PipCandidateRules.Applicable(releases.Available, matching, hasClauses, allowPreReleases).Except(releases.YankedOnly);
    }

    private static Candidate ReleaseOf(Candidate candidate) => candidate is ExtrasCandidate extras ? extras.Base : candidate;

    private static string OriginOf(SolverRequirement requirement) => requirement switch
    {
        SpecifierRequirement { Root: { } root } => root.Origin.ToString(),
        ExplicitRequirement { Root: { } root } => root.Origin.ToString(),
        UnsatisfiableRequirement { Root: { } root } => root.Origin.ToString(),
        _ => "the inputs",
    };

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    private void Add(string statement)
    {
        if (!_statements.Contains(statement))
        {
            _statements.Add(statement);
        }
    }
}
