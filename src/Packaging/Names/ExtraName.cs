using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Names;

/// <summary>
/// An extra's name (<c>requests[socks]</c>) in its PEP 685 normalized form, which is PEP 503's:
/// lower-case with runs of <c>-_.</c> collapsed to one <c>-</c>. Equal when the normalized forms
/// are; ordered ordinally. <c>default(ExtraName)</c> is not a name and prints as the empty string.
/// </summary>
public readonly struct ExtraName : IEquatable<ExtraName>, IComparable<ExtraName>
{
    private const string What = "extra name";

    private readonly string? _normalized;

    private ExtraName(string normalized) => _normalized = normalized;

    /// <summary>The normalized name.</summary>
    public string Value => _normalized ?? string.Empty;

    /// <summary>Parses an extra spelled any way PEP 508 allows; throws <see cref="InvalidNameException"/> otherwise.</summary>
    public static ExtraName Parse(string name) => new(NameSyntax.ParseNormalized(name, What));

    /// <inheritdoc cref="Parse(string)"/>
    public static ExtraName Parse(ReadOnlySpan<char> name) => new(NameSyntax.ParseNormalized(name, What));

    public static bool TryParse([NotNullWhen(true)] string? name, out ExtraName result)
    {
        result = NameSyntax.TryParseNormalized(name, out var normalized) ? new(normalized) : default;
        return normalized is not null;
    }

    public static bool TryParse(ReadOnlySpan<char> name, out ExtraName result)
    {
        result = NameSyntax.TryParseNormalized(name, out var normalized) ? new(normalized) : default;
        return normalized is not null;
    }

    /// <summary>PEP 685 normalization without validation (the same as <see cref="PackageName.Normalize(string)"/>).</summary>
    public static string Normalize(string name) => NameSyntax.Normalize(name, NameSyntax.Separator);

    /// <summary>
    /// The normalized form of a spelling that packaging's requirement parser accepts but PEP 508's
    /// name rule does not (a trailing <c>_</c>: <c>foo_</c> is <c>foo-</c>); for the PEP 508 parser only.
    /// </summary>
    internal static ExtraName FromParsedSpelling(ReadOnlySpan<char> spelling) => new(NameSyntax.Normalize(spelling, NameSyntax.Separator));

    public bool Equals(ExtraName other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ExtraName other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public int CompareTo(ExtraName other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    public static bool operator ==(ExtraName left, ExtraName right) => left.Equals(right);

    public static bool operator !=(ExtraName left, ExtraName right) => !left.Equals(right);

    public static bool operator <(ExtraName left, ExtraName right) => left.CompareTo(right) < 0;

    public static bool operator <=(ExtraName left, ExtraName right) => left.CompareTo(right) <= 0;

    public static bool operator >(ExtraName left, ExtraName right) => left.CompareTo(right) > 0;

    public static bool operator >=(ExtraName left, ExtraName right) => left.CompareTo(right) >= 0;
}
