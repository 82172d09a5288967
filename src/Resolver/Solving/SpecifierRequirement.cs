using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Solving;

/// <summary>A PEP 508 requirement with version clauses, from the inputs (<see cref="Root"/> set) or from a release's Requires-Dist.</summary>
internal sealed class SpecifierRequirement : SolverRequirement
{
    private VersionSet? _matching;

    public SpecifierRequirement(Identifier identifier, Requirement requirement, RootRequirement? root)
        : base(identifier)
    {
        Requirement = requirement;
        Root = root;
        foreach (var clause in requirement.Specifier)
        {
            HasClauses = true;
            PinsEqual |= clause.Operator is SpecifierOperator.Equal or SpecifierOperator.ArbitraryEqual;
        }
    }

    /// <summary>The specifier has a clause (pip's "unfree").</summary>
    public bool HasClauses { get; }

    /// <summary>Some clause is <c>==</c> or <c>===</c> (pip's "pinned" preference).</summary>
    public bool PinsEqual { get; }

    public Requirement Requirement { get; }

    public SpecifierSet Specifier => Requirement.Specifier;

    /// <summary>The input line this requirement comes from; null for a dependency of a release.</summary>
    public RootRequirement? Root { get; }

    /// <summary>pip accepts a pre-release here: the finder already applied the pre-release rule.</summary>
    /// <remarks>An index release is looked up in the versions of its catalog that the specifier matches (computed once).</remarks>
    public override bool IsSatisfiedBy(Candidate candidate)
    {
        var release = candidate as IndexCandidate ?? (candidate as ExtrasCandidate)?.Base as IndexCandidate;
        return release is not null
            ? MatchingIn(release.Project.Catalog).Contains(release.VersionIndex)
            : Specifier.Contains(candidate.Version, prereleases: true);
    }

    /// <summary>The versions of <paramref name="catalog"/> every clause contains (computed once per catalog).</summary>
    public VersionSet MatchingIn(VersionCatalog catalog)
    {
        var matching = _matching;
        if (matching is null || !ReferenceEquals(matching.Catalog, catalog))
        {
            _matching = matching = catalog.Matching(Specifier);
        }
        return matching;
    }

    public override string Describe() => Identifier.Text + Specifier;
}
