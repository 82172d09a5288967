using System.Diagnostics.CodeAnalysis;
using System.Text;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// A PEP 508 dependency specification, <c>requests[socks] &gt;= 2.8.1 ; python_version &lt; "3.8"</c>
/// or <c>name @ https://… ; marker</c>, parsed exactly as packaging 26.3's <c>Requirement</c>.
/// Equality follows packaging 26.3: normalized name, normalized extras, equivalent specifiers,
/// URL and marker.
/// </summary>
public sealed class Requirement : IEquatable<Requirement>
{
    private string? _text;

    internal Requirement(string name, ExtraName[] extras, string[] extrasAsWritten, SpecifierSet specifier, string? url, Marker? marker)
    {
        Name = name;
        NormalizedName = PackageName.TryParse(name, out var normalized) ? normalized : PackageName.FromParsedSpelling(name);
        Extras = extras;
        ExtrasAsWritten = extrasAsWritten;
        Specifier = specifier;
        Url = url;
        Marker = marker;
    }

    /// <summary>The project name as written.</summary>
    public string Name { get; }

    public PackageName NormalizedName { get; }

    /// <summary>The requested extras, PEP 685-normalized, distinct, sorted.</summary>
    public IReadOnlyList<ExtraName> Extras { get; }

    /// <summary>The extras as written, distinct and sorted ordinally (what <see cref="ToString"/> prints).</summary>
    public IReadOnlyList<string> ExtrasAsWritten { get; }

    /// <summary>The version clauses; empty when there are none (always for a URL requirement).</summary>
    public SpecifierSet Specifier { get; }

    /// <summary>The text after <c>@</c>, unchanged, or null.</summary>
    public string? Url { get; }

    public Marker? Marker { get; }

    /// <summary>Parses a requirement; throws <see cref="RequirementParseException"/> when it is not valid.</summary>
    public static Requirement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var requirement, out var error) ? requirement : throw error.ToException();
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Requirement? requirement, out RequirementParseError error)
    {
        requirement = null;
        if (text is null)
        {
            error = new RequirementParseError(0, "no requirement given");
            return false;
        }
        var cursor = new Pep508Cursor(text);
        requirement = RequirementGrammar.Parse(text, ref cursor);
        error = requirement is null ? new RequirementParseError(cursor.ErrorColumn, cursor.ErrorMessage!) : default;
        return requirement is not null;
    }

    /// <summary>Whether the requirement applies in <paramref name="environment"/> installing <paramref name="extra"/>: it has no marker, or its marker holds.</summary>
    public bool AppliesTo(MarkerEnvironment environment, ExtraName? extra = null) => Marker is null || Marker.Evaluate(environment, extra);

    /// <summary>packaging's <c>str(Requirement)</c>: <c>name[extras]specifier</c>, or <c>name[extras] @ url</c>, then <c>; marker</c>.</summary>
    public override string ToString() => _text ??= Format();

    public bool Equals(Requirement? other) =>
        other is not null
        && NormalizedName == other.NormalizedName
        && Extras.SequenceEqual(other.Extras)
        && Specifier.Equals(other.Specifier)
        && string.Equals(Url, other.Url, StringComparison.Ordinal)
        && Marker == other.Marker;

    public override bool Equals(object? obj) => obj is Requirement other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NormalizedName);
        foreach (var extra in Extras)
        {
            hash.Add(extra);
        }
        hash.Add(Specifier);
        hash.Add(Url, StringComparer.Ordinal);
        hash.Add(Marker);
        return hash.ToHashCode();
    }

    private string Format()
    {
        var builder = new StringBuilder(Name);
        if (ExtrasAsWritten.Count > 0)
        {
            builder.Append('[').AppendJoin(',', ExtrasAsWritten).Append(']');
        }
        if (Specifier.Count > 0)
        {
            builder.Append(Specifier.ToString());
        }
        if (Url is not null)
        {
            builder.Append(" @ ").Append(Url);
            if (Marker is not null)
            {
                builder.Append(' ');
            }
        }
        if (Marker is not null)
        {
            builder.Append("; ").Append(Marker.ToString());
        }
        return builder.ToString();
    }
}
