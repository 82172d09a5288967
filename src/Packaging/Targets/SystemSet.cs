using System.Collections;
using System.Numerics;

namespace Req2Nix.Packaging.Targets;

/// <summary>
/// A set of <see cref="NixSystem"/>s: the systems a package or a dependency edge is needed on.
/// One bit per <see cref="NixSystem.Ordinal"/>; enumerates in <see cref="NixSystem.All"/> order.
/// </summary>
public readonly record struct SystemSet : IEnumerable<NixSystem>
{
    private readonly byte _bits;

    private SystemSet(int bits) => _bits = (byte)bits;

    public static SystemSet None => default;

    public static SystemSet All { get; } = Of(NixSystem.All);

    public bool IsEmpty => _bits == 0;

    public int Count => BitOperations.PopCount(_bits);

    public static SystemSet Of(NixSystem system) => new(1 << system.Ordinal);

    public static SystemSet Of(IEnumerable<NixSystem> systems)
    {
        var bits = 0;
        foreach (var system in systems)
        {
            bits |= 1 << system.Ordinal;
        }
        return new SystemSet(bits);
    }

    public bool Contains(NixSystem system) => (_bits & (1 << system.Ordinal)) != 0;

    public bool IsSupersetOf(SystemSet other) => (other._bits & ~_bits) == 0;

    public SystemSet Union(SystemSet other) => new(_bits | other._bits);

    public SystemSet Intersect(SystemSet other) => new(_bits & other._bits);

    public SystemSet Except(SystemSet other) => new(_bits & ~other._bits);

    public static SystemSet operator |(SystemSet left, SystemSet right) => left.Union(right);

    public static SystemSet operator &(SystemSet left, SystemSet right) => left.Intersect(right);

    public IEnumerator<NixSystem> GetEnumerator()
    {
        foreach (var system in NixSystem.All)
        {
            if (Contains(system))
            {
                yield return system;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The Nix names, space-separated: <c>x86_64-linux aarch64-darwin</c>.</summary>
    public override string ToString() => string.Join(' ', this);
}
