using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// A comma-separated set of version specifier clauses (<c>&gt;=1.0,!=1.3.*,&lt;2</c>); a version is
/// contained when every clause contains it. Semantics are those of pypa/packaging 26.3's <c>SpecifierSet</c>.
/// </summary>
public sealed class SpecifierSet : IReadOnlyList<VersionSpecifier>, IEquatable<SpecifierSet>
{
    private readonly VersionSpecifier[] _clauses;
    private readonly bool _hasArbitrary;
    private VersionSpecifier[]? _canonical;

    public SpecifierSet(IEnumerable<VersionSpecifier> clauses)
        : this(clauses.ToArray())
    {
    }

    internal SpecifierSet(VersionSpecifier[] clauses)
    {
        _clauses = clauses;
        foreach (var clause in clauses)
        {
            ArgumentNullException.ThrowIfNull(clause, nameof(clauses));
            _hasArbitrary |= clause.IsArbitrary;
            NamesPreRelease |= clause.NamesPreRelease;
        }
    }

    /// <summary>The set without clauses, which contains every version.</summary>
    public static SpecifierSet Empty { get; } = new([]);

    public int Count => _clauses.Length;

    public VersionSpecifier this[int index] => _clauses[index];

    /// <summary>
    /// Some clause names a pre-release (<c>&gt;=1.0b1</c>), so pre-releases are admitted by default:
    /// packaging's <c>SpecifierSet.prereleases</c> when it was not forced.
    /// </summary>
    public bool NamesPreRelease { get; }

    public static SpecifierSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SpecifierParser.TryParseSet(text, out var set, out var error))
        {
            return set;
        }
        throw error.ToException(text);
    }

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SpecifierSet? set, out SpecifierParseError error) =>
        SpecifierParser.TryParseSet(text, out set, out error);

    /// <summary>
    /// Whether every clause contains <paramref name="version"/>; with <paramref name="prereleases"/> false a
    /// pre-release never is. Pre-releases are otherwise contained (a single candidate has no final
    /// alternative: packaging 26's rule). Allocation-free.
    /// </summary>
    public bool Contains(Pep440Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (prereleases == false && version.IsPreRelease)
        {
            return false;
        }
        foreach (var clause in _clauses)
        {
            if (!clause.Matches(version))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// As <see cref="Contains(Pep440Version, bool?)"/> for a version given as text. <c>===</c> clauses
    /// compare the text as given (case-insensitively); a text that is not PEP 440 is contained only by
    /// <c>===</c> clauses, or by the empty set.
    /// </summary>
    public bool Contains(string versionText, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(versionText);
        var version = Pep440Version.ParseOrNull(versionText);
        if (version is not null && !_hasArbitrary)
        {
            return Contains(version, prereleases);
        }
        if (prereleases == false && version is { IsPreRelease: true })
        {
            return false;
        }
        return MatchesText(versionText, version);
    }

    /// <summary>
    /// packaging's <c>filter</c> (pip's selection rule): the matching versions in their order, without
    /// pre-releases when <paramref name="prereleases"/> is false; when it is null (and no clause names a
    /// pre-release) pre-releases are dropped if any final release matches. Strings that are not PEP 440 are
    /// kept only when every clause is <c>===</c> and matches them, or the set is empty.
    /// </summary>
    public IEnumerable<string> Filter(IEnumerable<string> versions, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var allow = EffectivePrereleases(prereleases);
        var selected = new List<string>();
        // With the default policy, pre-releases wait here until a final release shows up (then they go).
        var pendingPreReleases = new List<int>();
        var foundFinal = false;
        foreach (var text in versions)
        {
            var version = Pep440Version.ParseOrNull(text);
            if (!MatchesText(text, version))
            {
                continue;
            }
            var isPreRelease = version is { IsPreRelease: true };
            if (isPreRelease && allow == false)
            {
                continue;
            }
            if (isPreRelease && allow is null)
            {
                if (!foundFinal)
                {
                    pendingPreReleases.Add(selected.Count);
                    selected.Add(text);
                }
                continue;
            }
            if (version is not null && allow is null && !foundFinal)
            {
                foundFinal = true;
                for (var i = pendingPreReleases.Count - 1; i >= 0; i--)
                {
                    selected.RemoveAt(pendingPreReleases[i]);
                }
            }
            selected.Add(text);
        }
        return selected;
    }

    /// <summary>
    /// The allocation-light form of <see cref="Filter(IEnumerable{string}, bool?)"/> for parsed versions:
    /// appends to <paramref name="into"/> the items of <paramref name="items"/> whose version is selected,
    /// in their order.
    /// </summary>
    public void Filter<T>(ReadOnlySpan<T> items, Func<T, Pep440Version> version, bool? prereleases, List<T> into)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(into);
        var allow = EffectivePrereleases(prereleases);
        var start = into.Count;
        var pendingPreReleases = 0;
        var foundFinal = false;
        foreach (var item in items)
        {
            var candidate = version(item);
            if (!Contains(candidate, allow))
            {
                continue;
            }
            if (candidate.IsPreRelease && allow is null)
            {
                if (!foundFinal)
                {
                    // Until the first final release, only pre-releases are added: they stay contiguous.
                    pendingPreReleases++;
                    into.Add(item);
                }
                continue;
            }
            if (!foundFinal)
            {
                foundFinal = true;
                into.RemoveRange(start, pendingPreReleases);
            }
            into.Add(item);
        }
    }

    /// <summary>The clauses of both sets.</summary>
    public SpecifierSet Intersect(SpecifierSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return this;
        }
        return Count == 0 ? other : new SpecifierSet([.. _clauses, .. other._clauses]);
    }

    /// <summary><c>str(SpecifierSet)</c>: the clauses normalized, sorted, without duplicates, joined by commas.</summary>
    public override string ToString() => string.Join(',', (IEnumerable<VersionSpecifier>)CanonicalClauses);

    public bool Equals(SpecifierSet? other) =>
        other is not null && CanonicalClauses.AsSpan().SequenceEqual(other.CanonicalClauses);

    public override bool Equals(object? obj) => obj is SpecifierSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var clause in CanonicalClauses)
        {
            hash.Add(clause);
        }
        return hash.ToHashCode();
    }

    public IEnumerator<VersionSpecifier> GetEnumerator() => ((IEnumerable<VersionSpecifier>)_clauses).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // packaging sorts the clauses by their text and keeps the first of equal ones.
    private VersionSpecifier[] CanonicalClauses => _canonical ??= Canonicalize(_clauses);

    private static VersionSpecifier[] Canonicalize(VersionSpecifier[] clauses)
    {
        if (clauses.Length <= 1)
        {
            return clauses;
        }
        var texts = new string[clauses.Length];
        for (var i = 0; i < clauses.Length; i++)
        {
            texts[i] = clauses[i].ToString();
        }
        var order = new VersionSpecifier[clauses.Length];
        Array.Copy(clauses, order, clauses.Length);
        Array.Sort(texts, order, CodePointComparer.Instance);
        var distinct = new List<VersionSpecifier>(order.Length);
        foreach (var clause in order)
        {
            if (!distinct.Contains(clause))
            {
                distinct.Add(clause);
            }
        }
        return [.. distinct];
    }

    private bool? EffectivePrereleases(bool? prereleases) => prereleases ?? (NamesPreRelease ? true : null);

    // A candidate given as text: === clauses see the text, the others its parsed version.
    private bool MatchesText(string text, Pep440Version? version)
    {
        foreach (var clause in _clauses)
        {
            if (!clause.MatchesText(text, version))
            {
                return false;
            }
        }
        return true;
    }
}
