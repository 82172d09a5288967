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
    }

    public Requirement Requirement { get; }

    public SpecifierSet Specifier => Requirement.Specifier;

    /// <summary>The input line this requirement comes from; null for a dependency of a release.</summary>
    public RootRequirement? Root { get; }

    /// <summary>pip accepts a pre-release here: the finder already applied the pre-release rule.</summary>
    public override bool IsSatisfiedBy(Candidate candidate) => Specifier.Contains(candidate.Version, prereleases: true);

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
