using Req2Nix.Resolver.Releases;
using Req2Nix.Resolver.Solving;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Explaining;

/// <summary>
/// Turns a failed solver run into statements about the inputs: which lines need what, through
/// which releases, what the index has, and what therefore cannot be satisfied — e.g.
/// <c>requirements.txt:3 needs a&gt;=2; every a version allowed (2.0 … 2.4) needs b&lt;1;
/// requirements.txt:4 needs b&gt;=1; b has 0.5 … 1.1; so no version of a satisfies the requirements</c>.
/// </summary>
internal sealed class ConflictExplainer
{
    private const int MaxChainLength = 8;
    private const string Missing = ", which no index has";

    private readonly SystemSolve _solve;
    private readonly SolverOutcome _outcome;
    private readonly List<string> _needs = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _unsatisfiable = [];

    public ConflictExplainer(SystemSolve solve)
    {
        _solve = solve;
        _outcome = solve.Outcome ?? throw new InvalidOperationException("the solver has not run");
    }

    private ReleaseStore Store => _solve.Factory.Store;

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
            ExplainNeeds(pythonCauses, suffix: string.Empty);
            return [.. _needs, $"but the target is Python {python.Version}"];
        }
        foreach (var group in causes.GroupBy(cause => cause.Requirement.Identifier))
        {
            ExplainConflictOn(group.Key, [.. group]);
        }
        var statements = new List<string>(_needs);
        statements.AddRange(_notes.Where(note => !statements.Contains(note)));
        if (_unsatisfiable.Count > 0)
        {
            statements.Add($"so no version of {Join(_unsatisfiable)} satisfies the requirements");
        }
        return statements;
    }

    private void ExplainConflictOn(Identifier identifier, List<RequirementInformation> causes)
    {
        var missing = _solve.Finder.MissingProjects.Contains(identifier.Name);
        var parents = ExplainNeeds(causes, missing ? Missing : string.Empty);
        if (!missing)
        {
            _notes.AddRange(AvailabilityOf(identifier, causes));
        }
        foreach (var unsatisfiable in causes.Select(cause => cause.Requirement).OfType<UnsatisfiableRequirement>().Distinct())
        {
            _notes.Add($"{unsatisfiable.Identifier.Text} cannot come from there: {unsatisfiable.Reason}");
        }
        foreach (var subject in parents.Count > 0 ? parents : missing ? [] : [identifier.Text])
        {
            if (!_unsatisfiable.Contains(subject))
            {
                _unsatisfiable.Add(subject);
            }
        }
    }

    /// <summary>States who needs what for each cause; returns the identifiers of the releases that brought requirements in.</summary>
    private List<string> ExplainNeeds(List<RequirementInformation> causes, string suffix)
    {
        var parents = new List<string>();
        foreach (var root in causes.Where(cause => cause.Parent is null).Select(cause => cause.Requirement).Distinct())
        {
            Need($"{OriginOf(root)} needs {root.Describe()}{suffix}");
        }
        var byParent = causes
            .Where(cause => cause.Parent is not null)
            .GroupBy(cause => (cause.Parent!.Identifier, Requirement: cause.Requirement.Describe()));
        foreach (var group in byParent)
        {
            var parent = group.Key.Identifier;
            if (!parents.Contains(parent.Text))
            {
                parents.Add(parent.Text);
                ExplainWhyNeeded(parent, []);
            }
            Need($"{DescribeReleases(parent, [.. group.Select(cause => cause.Parent!).Distinct()])} {group.Key.Requirement}{suffix}");
        }
        return parents;
    }

    /// <summary>States the chain of requirements that made <paramref name="identifier"/> needed, ending at an input line.</summary>
    private void ExplainWhyNeeded(Identifier identifier, HashSet<Identifier> visited)
    {
        if (!visited.Add(identifier) || visited.Count > MaxChainLength)
        {
            return;
        }
        RequirementInformation? reason = null;
        if (_outcome.State.Criteria.TryGetValue(identifier, out var criterion) && criterion.Information.Length > 0)
        {
            reason = criterion.Information.FirstOrDefault(information => information.Parent is null) is { Requirement: not null } root
                ? root
                : criterion.Information[0];
        }
        else if (_solve.Solver.Introductions.TryGetValue(identifier, out var introduction))
        {
            reason = introduction;
        }
        if (reason is not { } known)
        {
            return;
        }
        if (known.Parent is null)
        {
            Need($"{OriginOf(known.Requirement)} needs {known.Requirement.Describe()}");
            return;
        }
        ExplainWhyNeeded(known.Parent.Identifier, visited);
        Need($"{known.Parent} needs {known.Requirement.Describe()}");
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

    /// <summary>What the index offers for <paramref name="identifier"/>, where that explains why nothing matched.</summary>
    private List<string> AvailabilityOf(Identifier identifier, List<RequirementInformation> causes)
    {
        var notes = new List<string>();
        if (identifier.IsPython || !Store.TryGetArrivedProject(identifier.Name, out var project) || project is null)
        {
            return notes;
        }
        var name = identifier.Name;
        var target = _solve.Target;
        var catalog = project.Catalog;
        if (catalog.Count == 0)
        {
            notes.Add($"the index lists no wheel or sdist of {name}");
            return notes;
        }
        var releases = Store.ReleasesOn(project, target);
        var requirements = causes.Select(cause => cause.Requirement).OfType<SpecifierRequirement>().Distinct().ToList();
        var constraint = _solve.Finder.ConstraintFor(identifier);
        var matching = constraint.MatchingIn(catalog);
        foreach (var requirement in requirements)
        {
            matching = matching.Intersect(requirement.MatchingIn(catalog));
        }
        if (constraint.Sources.Count > 0)
        {
            notes.Add($"{string.Join(", ", constraint.Sources.Select(source => source.Origin))} constrains {name} to {constraint.Specifier}");
        }
        var matched = releases.Available.Intersect(matching);
        if (matched.IsEmpty)
        {
            if (releases.Available.IsEmpty)
            {
                notes.Add($"{name} has no file that CPython {target.Python} can use on {target.System} (it has {catalog.All.Describe()})");
            }
            else if (requirements.Count > 0)
            {
                notes.Add($"{name} has {releases.Available.Describe()}");
            }
            var unusable = matching.Except(releases.Available);
            if (!unusable.IsEmpty)
            {
                notes.Add(WhyUnusable(project, unusable, target));
            }
            return notes;
        }
        if (matched.IsSubsetOf(catalog.FinalReleases.Complement()))
        {
            notes.Add($"only pre-releases of {name} match ({matched.Describe()}), and pip takes a pre-release only with --pre or when a specifier names one");
        }
        else if (matched.IsSubsetOf(releases.YankedOnly))
        {
            notes.Add($"the matching releases of {name} are yanked ({matched.Describe()}); only a == pin selects a yanked release");
        }
        else
        {
            foreach (var version in matched.Versions())
            {
                if (_solve.Factory.UnusableReleases.TryGetValue((name, version.ToString()), out var problem))
                {
                    notes.Add($"{name} {version} was skipped: {problem}");
                }
            }
        }
        return notes;
    }

    /// <summary>Why versions that match have no usable file here: their Requires-Python, or no compatible wheel.</summary>
    private static string WhyUnusable(ProjectReleases project, VersionSet versions, TargetEnvironment target)
    {
        var pythonLimited = new List<string>();
        foreach (var index in versions.IndexesNewestFirst())
        {
            var files = project.FilesOf(index);
            if (files.All(file => !target.SupportsPython(file.RequiresPython)))
            {
                var requiresPython = files.Select(file => file.RequiresPython?.ToString()).FirstOrDefault(text => text is not null);
                pythonLimited.Add($"{project.Name} {project.Catalog[index]} needs Python {requiresPython}");
            }
        }
        if (pythonLimited.Count > 0)
        {
            return $"{string.Join(", ", pythonLimited)}, but the target is Python {target.PythonVersion}";
        }
        return $"{project.Name} {versions.Describe()} {(versions.Count == 1 ? "has" : "have")} no file that CPython {target.Python} can use on {target.System}";
    }

    private VersionSet? AllowedVersions(Identifier identifier, ProjectReleases project)
    {
        if (!_outcome.State.Criteria.TryGetValue(identifier, out var criterion))
        {
            return null;
        }
        var releases = Store.ReleasesOn(project, _solve.Target);
        var matching = _solve.Finder.ConstraintFor(identifier).MatchingIn(project.Catalog);
        var hasClauses = false;
        var allowPreReleases = Store.Settings.AllowPreReleases;
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

    private void Need(string statement)
    {
        if (!_needs.Contains(statement))
        {
            _needs.Add(statement);
        }
    }
}
