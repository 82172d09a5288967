using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// Which versions pip 23.2 offers for a merged specifier, and in which order: the finder's
/// <c>SpecifierSet.filter</c> as its vendored packaging 21.3 does it, then PEP 592's yank rule and
/// the candidate sort key.
/// </summary>
/// <remarks>
/// packaging 21.3 (unlike 22 and later) filters clause by clause with pre-releases either on or
/// off. So: with <c>--pre</c>, or when a clause names a pre-release (only <c>==</c>, <c>===</c>,
/// <c>&gt;=</c>, <c>&lt;=</c> and <c>~=</c> count, not <c>&lt;</c>/<c>&gt;</c>), pre-releases are
/// offered; otherwise a specifier with clauses never offers one, even when only pre-releases
/// match; and a requirement without clauses offers final releases, or the pre-releases when there
/// is no final release at all.
/// </remarks>
public static class PipCandidateRules
{
    /// <summary>packaging 21.3's <c>Specifier.prereleases</c>: the clause admits pre-releases by naming one.</summary>
    public static bool NamesPreRelease(VersionSpecifier clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Operator is SpecifierOperator.Equal or SpecifierOperator.ArbitraryEqual or SpecifierOperator.GreaterThanOrEqual
                or SpecifierOperator.LessThanOrEqual or SpecifierOperator.Compatible
            && !clause.IsPrefixMatch
            && clause.Version is { IsPreRelease: true };
    }

    /// <summary>pip's <c>is_pinned</c>: some clause is <c>===</c>, or <c>==</c> without a wildcard (the yank exemption).</summary>
    public static bool IsPinned(VersionSpecifier clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Operator == SpecifierOperator.ArbitraryEqual || (clause.Operator == SpecifierOperator.Equal && !clause.IsPrefixMatch);
    }

    /// <summary>
    /// The versions the finder offers: <paramref name="available"/> (versions with a usable file)
    /// that every clause matches (<paramref name="matching"/>), under the pre-release rule.
    /// </summary>
    /// <param name="hasClauses">Whether the merged specifier has any clause.</param>
    /// <param name="allowPreReleases"><c>--pre</c>, or a clause names a pre-release.</param>
    public static VersionSet Applicable(VersionSet available, VersionSet matching, bool hasClauses, bool allowPreReleases)
    {
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(matching);
        var finals = available.Catalog.FinalReleases;
        if (hasClauses)
        {
            var matched = available.Intersect(matching);
            return allowPreReleases ? matched : matched.Intersect(finals);
        }
        if (allowPreReleases)
        {
            return available;
        }
        var finalReleases = available.Intersect(finals);
        return finalReleases.IsEmpty ? available : finalReleases;
    }

    /// <summary>
    /// The order pip tries versions in: newest first; yanked versions only when every offered version
    /// is yanked and the specifier pins one (PEP 592); with <c>--prefer-binary</c>, versions with a
    /// wheel before those with only an sdist.
    /// </summary>
    public static int[] Order(VersionSet applicable, SystemReleases releases, bool pinned, bool preferBinary)
    {
        ArgumentNullException.ThrowIfNull(applicable);
        ArgumentNullException.ThrowIfNull(releases);
        var offered = pinned && applicable.IsSubsetOf(releases.YankedOnly) ? applicable : applicable.Except(releases.YankedOnly);
        if (!preferBinary)
        {
            return [.. offered.IndexesNewestFirst()];
        }
        var withWheel = offered.Intersect(releases.WithWheel);
        return [.. withWheel.IndexesNewestFirst(), .. offered.Except(withWheel).IndexesNewestFirst()];
    }
}
