using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Resolver.Versions;

/// <summary>
/// The distinct versions a project's files name, ascending: the universe a <see cref="VersionSet"/>
/// is a subset of. Versions that PEP 440 calls equal (<c>1.0</c> and <c>1.0.0</c>) are one entry,
/// as pip sees one candidate for them.
/// </summary>
public sealed class VersionCatalog
{
    private readonly Pep440Version[] _versions;

    /// <param name="versions">Any versions, in any order, duplicates allowed.</param>
    public VersionCatalog(IEnumerable<Pep440Version> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var sorted = versions.ToArray();
        Array.Sort(sorted);
        var distinct = new List<Pep440Version>(sorted.Length);
        foreach (var version in sorted)
        {
            if (distinct.Count == 0 || distinct[^1].CompareTo(version) != 0)
            {
                distinct.Add(version);
            }
        }
        _versions = [.. distinct];
        var finals = new ulong[VersionSet.WordCount(_versions.Length)];
        for (var i = 0; i < _versions.Length; i++)
        {
            if (!_versions[i].IsPreRelease)
            {
                finals[i >> 6] |= 1UL << i;
            }
        }
        None = new VersionSet(this, new ulong[finals.Length]);
        All = VersionSet.Complement(None);
        FinalReleases = new VersionSet(this, finals);
    }

    public int Count => _versions.Length;

    public Pep440Version this[int index] => _versions[index];

    public IReadOnlyList<Pep440Version> Versions => _versions;

    /// <summary>The empty set over this catalog.</summary>
    public VersionSet None { get; }

    /// <summary>Every version of the catalog.</summary>
    public VersionSet All { get; }

    /// <summary>The versions that are neither pre- nor development releases.</summary>
    public VersionSet FinalReleases { get; }

    /// <summary>The position of <paramref name="version"/> (or a version equal to it), or -1.</summary>
    public int IndexOf(Pep440Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var index = Array.BinarySearch(_versions, version);
        return index >= 0 ? index : -1;
    }

    /// <summary>The versions that every clause of <paramref name="specifier"/> contains, pre-releases included (no pre-release policy).</summary>
    public VersionSet Matching(SpecifierSet specifier)
    {
        ArgumentNullException.ThrowIfNull(specifier);
        if (specifier.Count == 0)
        {
            return All;
        }
        var bits = new ulong[VersionSet.WordCount(_versions.Length)];
        for (var i = 0; i < _versions.Length; i++)
        {
            if (specifier.Contains(_versions[i], prereleases: true))
            {
                bits[i >> 6] |= 1UL << i;
            }
        }
        return new VersionSet(this, bits);
    }

    /// <summary>The set of the versions at <paramref name="indexes"/>.</summary>
    public VersionSet Of(IEnumerable<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var bits = new ulong[VersionSet.WordCount(_versions.Length)];
        foreach (var index in indexes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _versions.Length);
            bits[index >> 6] |= 1UL << index;
        }
        return new VersionSet(this, bits);
    }

    /// <summary>The set of the given versions that the catalog has; the others are ignored.</summary>
    public VersionSet Of(IEnumerable<Pep440Version> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var indexes = new List<int>();
        foreach (var version in versions)
        {
            var index = IndexOf(version);
            if (index >= 0)
            {
                indexes.Add(index);
            }
        }
        return Of(indexes);
    }
}
