namespace Req2Nix.Packaging.Distributions;

/// <summary>
/// The optional build tag of a wheel filename (<c>pkg-1.0-2a-py3-none-any.whl</c>): a number and
/// the text after it. Among wheels of one version with the same tags, the higher build tag wins;
/// a wheel without one ranks below any with one (compare <c>WheelBuildTag?</c> values with
/// <see cref="Nullable.Compare{T}(T?, T?)"/>).
/// </summary>
public readonly record struct WheelBuildTag(long Number, string Rest) : IComparable<WheelBuildTag>
{
    public int CompareTo(WheelBuildTag other)
    {
        var byNumber = Number.CompareTo(other.Number);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(Rest, other.Rest);
    }

    public override string ToString() => $"{Number}{Rest}";

    public static bool operator <(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) < 0;

    public static bool operator <=(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) <= 0;

    public static bool operator >(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) > 0;

    public static bool operator >=(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) >= 0;
}
