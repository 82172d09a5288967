using System.Numerics;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// Which environments of a <see cref="MarkerEnvironmentSet"/> something holds on: bit <c>i</c>
/// stands for environment <c>i</c>. Combine masks along a dependency path with <c>&amp;</c>, and
/// alternative paths with <c>|</c>.
/// </summary>
public readonly record struct EnvironmentMask(ulong Bits)
{
    public static EnvironmentMask None => default;

    public bool IsEmpty => Bits == 0;

    public int Count => BitOperations.PopCount(Bits);

    public bool Contains(int index) => (uint)index < 64 && (Bits & (1UL << index)) != 0;

    /// <summary>The indexes of the environments in the mask, ascending.</summary>
    public IEnumerable<int> Indexes()
    {
        var bits = Bits;
        while (bits != 0)
        {
            yield return BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
        }
    }

    public static EnvironmentMask operator &(EnvironmentMask left, EnvironmentMask right) => new(left.Bits & right.Bits);

    public static EnvironmentMask operator |(EnvironmentMask left, EnvironmentMask right) => new(left.Bits | right.Bits);

    public EnvironmentMask BitwiseAnd(EnvironmentMask other) => this & other;

    public EnvironmentMask BitwiseOr(EnvironmentMask other) => this | other;
}
