using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Releases;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// pip's <c>find_matches</c>: the candidates for an identifier given every requirement on it, the
/// constraints and the known incompatibilities — explicit candidates (an extras node's base, a
/// direct URL) when some requirement names one, else the index's versions that the merged
/// specifier admits, in pip's order.
/// </summary>
internal sealed class MatchFinder
{
    private readonly CandidateFactory _factory;
    private readonly IReadOnlyDictionary<PackageName, ProjectConstraint> _constraints;
    private readonly IndexSettings _settings;

    public MatchFinder(CandidateFactory factory, IReadOnlyDictionary<PackageName, ProjectConstraint> constraints, IndexSettings settings)
    {
        _factory = factory;
        _constraints = constraints;
        _settings = settings;
    }

    /// <summary>Projects no index has that the solver asked for.</summary>
    public HashSet<PackageName> MissingProjects { get; } = [];

    public ProjectConstraint ConstraintFor(Identifier identifier) =>
        !identifier.IsPython && _constraints.TryGetValue(identifier.Name, out var constraint) ? constraint : ProjectConstraint.Empty;

    public Matches Find(Identifier identifier, CriteriaView view)
    {
        var explicitCandidates = new List<Candidate>();
        var specifierRequirements = new List<SpecifierRequirement>();
        foreach (var requirement in view.RequirementsOf(identifier))
        {
            if (requirement.ExplicitCandidate is { } candidate)
            {
                AddDistinct(explicitCandidates, candidate);
            }
            if (requirement is SpecifierRequirement specifierRequirement)
            {
                specifierRequirements.Add(specifierRequirement);
            }
        }
        if (identifier.HasExtras)
        {
            foreach (var requirement in view.RequirementsOf(_factory.Identifiers.For(identifier.Name)))
            {
                if (requirement.ExplicitCandidate is ReleaseCandidate baseCandidate)
                {
                    AddDistinct(explicitCandidates, _factory.ExtrasCandidateFor(identifier, baseCandidate));
                }
            }
        }
        var constraint = ConstraintFor(identifier);
        if (specifierRequirements.Count > 0 && constraint.Link is { } link)
        {
            AddDistinct(explicitCandidates, _factory.CandidateFor(identifier, link));
        }
        var incompatibilities = view.IncompatibilitiesOf(identifier);
        if (explicitCandidates.Count == 0)
        {
            return specifierRequirements.Count == 0
                ? Matches.None
                : FindOnIndex(identifier, specifierRequirements, constraint, incompatibilities);
        }
        var allowed = new List<Candidate>(explicitCandidates.Count);
        foreach (var candidate in explicitCandidates)
        {
            if (!Contains(incompatibilities, candidate) && constraint.IsSatisfiedBy(candidate) && SatisfiesAll(view, identifier, candidate))
            {
                allowed.Add(candidate);
            }
        }
        return new ExplicitMatches([.. allowed]);
    }

    private Matches FindOnIndex(
        Identifier identifier,
        List<SpecifierRequirement> requirements,
        ProjectConstraint constraint,
        IReadOnlyList<Candidate> incompatibilities)
    {
        var project = _factory.Store.NeedProject(identifier.Name);
        if (project is null)
        {
            MissingProjects.Add(identifier.Name);
            return Matches.None;
        }
        var catalog = project.Catalog;
        var releases = _factory.Store.ReleasesOn(project, _factory.Target);
        var matching = constraint.MatchingIn(catalog);
        var hasClauses = constraint.Specifier.Count > 0;
        var allowPreReleases = _settings.AllowPreReleases || NamesPreRelease(constraint.Specifier);
        var pinned = IsPinned(constraint.Specifier);
        var hashes = constraint.Hashes;
        foreach (var requirement in requirements)
        {
            matching = matching.Intersect(requirement.MatchingIn(catalog));
            hasClauses |= requirement.Specifier.Count > 0;
            allowPreReleases |= NamesPreRelease(requirement.Specifier);
            pinned |= IsPinned(requirement.Specifier);
            if (requirement.Root is { Hashes.Count: > 0 } root)
            {
                hashes = hashes.And(HashPinSet.From(root.Hashes));
            }
        }
        var applicable = PipCandidateRules.Applicable(releases.Available, matching, hasClauses, allowPreReleases);
        if (!hashes.IsEmpty)
        {
            // Only files matching the --hash pins count (pip would fail on any other at download).
            releases = SystemReleases.For(project, _factory.Target, _settings.Formats, hashes.Sha256Digests());
            applicable = applicable.Intersect(releases.Available);
        }
        var order = PipCandidateRules.Order(applicable, releases, pinned, _settings.PreferBinary);
        if (incompatibilities.Count > 0)
        {
            order = WithoutIncompatible(order, incompatibilities, catalog);
        }
        return new IndexMatches(project, order, index => Build(identifier, project, index), index => _factory.Store.PrefetchMetadata(project, index));
    }

    private Candidate? Build(Identifier identifier, ProjectReleases project, int versionIndex)
    {
        var candidate = _factory.GetIndexCandidate(project, versionIndex);
        return candidate is null ? null : _factory.CandidateFor(identifier, candidate);
    }

    private static int[] WithoutIncompatible(int[] order, IReadOnlyList<Candidate> incompatibilities, VersionCatalog catalog)
    {
        var excluded = new HashSet<int>();
        foreach (var candidate in incompatibilities)
        {
            var release = candidate is ExtrasCandidate extras ? extras.Base : candidate;
            if (release is IndexCandidate indexCandidate && ReferenceEquals(indexCandidate.Project.Catalog, catalog))
            {
                excluded.Add(indexCandidate.VersionIndex);
            }
        }
        return excluded.Count == 0 ? order : [.. order.Where(index => !excluded.Contains(index))];
    }

    private static bool SatisfiesAll(CriteriaView view, Identifier identifier, Candidate candidate)
    {
        foreach (var requirement in view.RequirementsOf(identifier))
        {
            if (!requirement.IsSatisfiedBy(candidate))
            {
                return false;
            }
        }
        return true;
    }

    private static bool NamesPreRelease(Packaging.Pep440.SpecifierSet specifier)
    {
        foreach (var clause in specifier)
        {
            if (PipCandidateRules.NamesPreRelease(clause))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsPinned(Packaging.Pep440.SpecifierSet specifier)
    {
        foreach (var clause in specifier)
        {
            if (PipCandidateRules.IsPinned(clause))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Contains(IReadOnlyList<Candidate> candidates, Candidate candidate)
    {
        foreach (var item in candidates)
        {
            if (ReferenceEquals(item, candidate))
            {
                return true;
            }
        }
        return false;
    }

    private static void AddDistinct(List<Candidate> candidates, Candidate candidate)
    {
        if (!Contains(candidates, candidate))
        {
            candidates.Add(candidate);
        }
    }
}
