namespace Req2Nix.Packaging.Targets;

/// <summary>
/// The <c>major.minor</c> of a platform's compatibility level: the glibc version of
/// <c>manylinux_X_Y</c> tags, or the macOS version of <c>macosx_X_Y</c> tags.
/// </summary>
public readonly record struct PlatformVersion(int Major, int Minor) : IComparable<PlatformVersion>
{
    /// <summary>Reads <c>2.40</c> or <c>11.0</c>; throws <see cref="InvalidTargetException"/> otherwise.</summary>
    /// <param name="what">How the error names the version: "glibc", "macOS".</param>
    public static PlatformVersion Parse(ReadOnlySpan<char> text, string what)
    {
        var bad = MajorMinor.Read(text, out var major, out var minor);
        return bad < 0 ? new PlatformVersion(major, minor) : throw MajorMinor.Error(text, bad, what);
    }

    public int CompareTo(PlatformVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => $"{Major}.{Minor}";

    public static bool operator <(PlatformVersion left, PlatformVersion right) => left.CompareTo(right) < 0;

    public static bool operator <=(PlatformVersion left, PlatformVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >(PlatformVersion left, PlatformVersion right) => left.CompareTo(right) > 0;

    public static bool operator >=(PlatformVersion left, PlatformVersion right) => left.CompareTo(right) >= 0;
}
