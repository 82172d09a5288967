using System.Numerics;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Resolver.Versions;

/// <summary>
/// A set of versions of one project: a bitset over its <see cref="VersionCatalog"/>. Union,
/// intersection, difference and complement are exact whatever the specifiers were (<c>!=</c>,
/// <c>.*</c>, local versions), because membership always comes from the PEP 440 engine; the catalog
/// only fixes which versions exist. Immutable.
/// </summary>
public sealed class VersionSet : IEquatable<VersionSet>
{
    private readonly ulong[] _bits;

    internal VersionSet(VersionCatalog catalog, ulong[] bits)
    {
        Catalog = catalog;
        _bits = bits;
    }

    public VersionCatalog Catalog { get; }

    public bool IsEmpty
    {
        get
        {
            foreach (var word in _bits)
            {
                if (word != 0)
                {
                    return false;
                }
            }
            return true;
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _bits)
            {
                count += BitOperations.PopCount(word);
            }
            return count;
        }
    }

    /// <summary>The newest version of the set, or null when it is empty.</summary>
    public Pep440Version? Newest => HighestIndex() is var index and >= 0 ? Catalog[index] : null;

    public bool Contains(int index) => (uint)index < (uint)Catalog.Count && (_bits[index >> 6] & (1UL << index)) != 0;

    public bool Contains(Pep440Version version) => Catalog.IndexOf(version) is var index and >= 0 && Contains(index);

    public VersionSet Union(VersionSet other) => Combine(other, static (a, b) => a | b);

    public VersionSet Intersect(VersionSet other) => Combine(other, static (a, b) => a & b);

    public VersionSet Except(VersionSet other) => Combine(other, static (a, b) => a & ~b);

    /// <summary>The catalog's versions that are not in this set.</summary>
    public VersionSet Complement() => Complement(this);

    public bool IsSubsetOf(VersionSet other)
    {
        RequireSameCatalog(other);
        for (var i = 0; i < _bits.Length; i++)
        {
            if ((_bits[i] & ~other._bits[i]) != 0)
            {
                return false;
            }
        }
        return true;
    }

    public bool Overlaps(VersionSet other)
    {
        RequireSameCatalog(other);
        for (var i = 0; i < _bits.Length; i++)
        {
            if ((_bits[i] & other._bits[i]) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The catalog positions of the members, newest first.</summary>
    public IEnumerable<int> IndexesNewestFirst()
    {
        for (var word = _bits.Length - 1; word >= 0; word--)
        {
            var bits = _bits[word];
            while (bits != 0)
            {
                var bit = 63 - BitOperations.LeadingZeroCount(bits);
                yield return (word << 6) | bit;
                bits &= ~(1UL << bit);
            }
        }
    }

    /// <summary>The members, oldest first.</summary>
    public IEnumerable<Pep440Version> Versions()
    {
        for (var word = 0; word < _bits.Length; word++)
        {
            var bits = _bits[word];
            while (bits != 0)
            {
                yield return Catalog[(word << 6) | BitOperations.TrailingZeroCount(bits)];
                bits &= bits - 1;
            }
        }
    }

    /// <summary>The highest member position at or below <paramref name="from"/>, or -1.</summary>
    public int HighestIndex(int from = int.MaxValue)
    {
        if (Catalog.Count == 0 || from < 0)
        {
            return -1;
        }
        var start = Math.Min(from, Catalog.Count - 1);
        var word = start >> 6;
        var mask = (start & 63) == 63 ? ulong.MaxValue : (1UL << ((start & 63) + 1)) - 1;
        for (var bits = _bits[word] & mask; ; bits = _bits[word])
        {
            if (bits != 0)
            {
                return (word << 6) | (63 - BitOperations.LeadingZeroCount(bits));
            }
            if (--word < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>
    /// The members as runs of consecutive catalog versions: <c>1.0, 2.0 … 2.4, 3.1</c>
    /// (<c>no version</c> for none).
    /// </summary>
    public string Describe() => VersionRanges.Describe(this);

    public bool Equals(VersionSet? other) =>
        other is not null && ReferenceEquals(Catalog, other.Catalog) && _bits.AsSpan().SequenceEqual(other._bits);

    public override bool Equals(object? obj) => obj is VersionSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in _bits)
        {
            hash.Add(word);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => Describe();

    internal static int WordCount(int count) => (count + 63) >> 6;

    internal static VersionSet Complement(VersionSet set)
    {
        var bits = new ulong[set._bits.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = ~set._bits[i];
        }
        var tail = set.Catalog.Count & 63;
        if (tail != 0)
        {
            bits[^1] &= (1UL << tail) - 1;
        }
        return new VersionSet(set.Catalog, bits);
    }

    private VersionSet Combine(VersionSet other, Func<ulong, ulong, ulong> operation)
    {
        RequireSameCatalog(other);
        var bits = new ulong[_bits.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = operation(_bits[i], other._bits[i]);
        }
        return new VersionSet(Catalog, bits);
    }

    private void RequireSameCatalog(VersionSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(Catalog, other.Catalog))
        {
            throw new ArgumentException("the sets belong to different version catalogs", nameof(other));
        }
    }
}
