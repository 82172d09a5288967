using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Names;

/// <summary>
/// A project name in its PEP 503 normalized form: lower-case, every run of <c>-</c>, <c>_</c> and
/// <c>.</c> collapsed to one <c>-</c> (<c>Zope.Interface</c> and <c>zope_interface</c> are both
/// <c>zope-interface</c>). Two names are equal when their normalized forms are; they order
/// ordinally. <c>default(PackageName)</c> is not a name and prints as the empty string.
/// </summary>
public readonly struct PackageName : IEquatable<PackageName>, IComparable<PackageName>
{
    private const string What = "project name";

    private readonly string? _normalized;

    private PackageName(string normalized) => _normalized = normalized;

    /// <summary>The normalized name.</summary>
    public string Value => _normalized ?? string.Empty;

    /// <summary>Parses a name spelled any way PEP 508 allows; throws <see cref="InvalidNameException"/> otherwise.</summary>
    public static PackageName Parse(string name) => new(NameSyntax.ParseNormalized(name, What));

    /// <inheritdoc cref="Parse(string)"/>
    public static PackageName Parse(ReadOnlySpan<char> name) => new(NameSyntax.ParseNormalized(name, What));

    public static bool TryParse([NotNullWhen(true)] string? name, out PackageName result)
    {
        result = NameSyntax.TryParseNormalized(name, out var normalized) ? new(normalized) : default;
        return normalized is not null;
    }

    public static bool TryParse(ReadOnlySpan<char> name, out PackageName result)
    {
        result = NameSyntax.TryParseNormalized(name, out var normalized) ? new(normalized) : default;
        return normalized is not null;
    }

    /// <summary>True when <paramref name="name"/> follows PEP 508's name rule.</summary>
    public static bool IsValid(ReadOnlySpan<char> name) => NameSyntax.FindInvalidCharacter(name) < 0;

    /// <summary>
    /// PEP 503 normalization without validation: ASCII letters lower-cased, runs of <c>-_.</c>
    /// replaced by one <c>-</c>. Other characters pass through unchanged (no valid name has any).
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> name) => NameSyntax.Normalize(name, NameSyntax.Separator);

    /// <summary>As <see cref="Normalize(ReadOnlySpan{char})"/>; returns <paramref name="name"/> itself, unallocated, when it is already normalized.</summary>
    public static string Normalize(string name) => NameSyntax.Normalize(name, NameSyntax.Separator);

    /// <summary>
    /// The normalized form of a spelling that packaging's requirement parser accepts but PEP 508's
    /// name rule does not (a trailing <c>_</c>: <c>foo_</c> is <c>foo-</c>); for the PEP 508 parser only.
    /// </summary>
    internal static PackageName FromParsedSpelling(ReadOnlySpan<char> spelling) => new(NameSyntax.Normalize(spelling, NameSyntax.Separator));

    /// <summary>Normalizes into <paramref name="destination"/> (at least as long as the name) and returns the length written.</summary>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> destination) =>
        NameSyntax.Normalize(name, destination, NameSyntax.Separator);

    public static bool IsNormalized(ReadOnlySpan<char> name) => NameSyntax.IsNormalized(name, NameSyntax.Separator);

    /// <summary>
    /// The escaped form that wheel (PEP 427/491) and PEP 625 sdist filenames use: lower-case,
    /// runs of <c>-_.</c> replaced by one <c>_</c>, as in <c>zope_interface-6.0-….whl</c>.
    /// </summary>
    public static string NormalizeForFilename(ReadOnlySpan<char> name) => NameSyntax.Normalize(name, NameSyntax.FilenameSeparator);

    /// <inheritdoc cref="NormalizeForFilename(ReadOnlySpan{char})"/>
    public string ToFilenameForm() => NameSyntax.Normalize(Value, NameSyntax.FilenameSeparator);

    /// <summary>True when <paramref name="spelling"/> normalizes to this name (compared without allocating).</summary>
    public bool IsSpelledBy(ReadOnlySpan<char> spelling) => NameSyntax.NormalizesTo(spelling, Value, NameSyntax.Separator);

    public bool Equals(PackageName other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PackageName other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public int CompareTo(PackageName other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    public static bool operator ==(PackageName left, PackageName right) => left.Equals(right);

    public static bool operator !=(PackageName left, PackageName right) => !left.Equals(right);

    public static bool operator <(PackageName left, PackageName right) => left.CompareTo(right) < 0;

    public static bool operator <=(PackageName left, PackageName right) => left.CompareTo(right) <= 0;

    public static bool operator >(PackageName left, PackageName right) => left.CompareTo(right) > 0;

    public static bool operator >=(PackageName left, PackageName right) => left.CompareTo(right) >= 0;
}
