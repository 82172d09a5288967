using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// What the constraints (pip's <c>-c</c>) say about one project: version clauses, hash pins and a
/// URL; they narrow the candidates without making the project a requirement.
/// </summary>
internal sealed class ProjectConstraint
{
    private VersionSet? _matching;

    public ProjectConstraint(IReadOnlyList<RootRequirement> sources, SpecifierSet specifier, HashPinSet hashes, DirectCandidate? link)
    {
        Sources = sources;
        Specifier = specifier;
        Hashes = hashes;
        Link = link;
    }

    public static ProjectConstraint Empty { get; } = new([], SpecifierSet.Empty, HashPinSet.Any, null);

    /// <summary>The constraint lines this comes from.</summary>
    public IReadOnlyList<RootRequirement> Sources { get; }

    public SpecifierSet Specifier { get; }

    public HashPinSet Hashes { get; }

    /// <summary>The candidate of the URL a constraint names, if one does.</summary>
    public DirectCandidate? Link { get; }

    /// <summary>pip's <c>Constraint.is_satisfied_by</c>: the URL (if any) is the candidate's, and the clauses hold (pre-releases allowed).</summary>
    public bool IsSatisfiedBy(Candidate candidate)
    {
        if (Link is not null && !ReferenceEquals(BaseOf(candidate), Link))
        {
            return false;
        }
        return Specifier.Contains(candidate.Version, prereleases: true);
    }

    public VersionSet MatchingIn(VersionCatalog catalog)
    {
        var matching = _matching;
        if (matching is null || !ReferenceEquals(matching.Catalog, catalog))
        {
            _matching = matching = catalog.Matching(Specifier);
        }
        return matching;
    }

    private static Candidate BaseOf(Candidate candidate) => candidate is ExtrasCandidate extras ? extras.Base : candidate;
}
