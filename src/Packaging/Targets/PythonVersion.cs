namespace Req2Nix.Packaging.Targets;

/// <summary>The <c>major.minor</c> of a CPython 3 interpreter, such as nixpkgs' <c>python311</c>.</summary>
public readonly record struct PythonVersion : IComparable<PythonVersion>
{
    public PythonVersion(int major, int minor)
    {
        if (major != 3)
        {
            throw new ArgumentOutOfRangeException(nameof(major), major, "only CPython 3 is supported");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        Major = major;
        Minor = minor;
    }

    public int Major { get; }

    public int Minor { get; }

    /// <summary>The version without its dot, as tags write it: <c>311</c>.</summary>
    public string NoDot => $"{Major}{Minor}";

    /// <summary>Reads <c>3.11</c>; throws <see cref="InvalidTargetException"/> otherwise.</summary>
    public static PythonVersion Parse(ReadOnlySpan<char> text)
    {
        var bad = MajorMinor.Read(text, out var major, out var minor);
        if (bad >= 0)
        {
            throw MajorMinor.Error(text, bad, "Python");
        }
        if (major != 3)
        {
            throw new InvalidTargetException($"Python {major} is not supported; req2nix targets CPython 3", 1);
        }
        return new PythonVersion(major, minor);
    }

    public int CompareTo(PythonVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => $"{Major}.{Minor}";

    public static bool operator <(PythonVersion left, PythonVersion right) => left.CompareTo(right) < 0;

    public static bool operator <=(PythonVersion left, PythonVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >(PythonVersion left, PythonVersion right) => left.CompareTo(right) > 0;

    public static bool operator >=(PythonVersion left, PythonVersion right) => left.CompareTo(right) >= 0;
}
