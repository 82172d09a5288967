using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// One clause of a version specifier, such as <c>&gt;=1.0</c>, <c>==1.2.*</c> or <c>~=2.2</c>, with the
/// semantics of pypa/packaging 26.3's <c>Specifier</c>.
/// </summary>
public sealed class VersionSpecifier : IEquatable<VersionSpecifier>
{
    private readonly ClauseKind _kind;
    private readonly Pep440Version? _version;
    private readonly Pep440Version? _upperBound;
    private readonly int _prefixLength;
    private readonly string? _loweredText;

    internal VersionSpecifier(SpecifierOperator op, string versionText, Pep440Version? version, bool isPrefixMatch)
    {
        Operator = op;
        VersionText = versionText;
        IsPrefixMatch = isPrefixMatch;
        _version = version;
        _kind = Classify(op, version, isPrefixMatch);
        switch (_kind)
        {
            case ClauseKind.Less:
                // <V excludes V's own pre-releases unless V is one: its bound is V.dev0.
                _upperBound = version!.IsPreRelease ? version : version.WithDevZero();
                break;
            case ClauseKind.Compatible:
                _prefixLength = version!.Release.Length - 1;
                break;
            case ClauseKind.PrefixEqual:
            case ClauseKind.PrefixNotEqual:
                _prefixLength = version!.Release.Length;
                break;
            case ClauseKind.Arbitrary:
                _loweredText = PythonLowercase.Lower(versionText);
                break;
        }
        NamesPreRelease = op is not (SpecifierOperator.NotEqual) && !isPrefixMatch && version is { IsPreRelease: true };
    }

    public SpecifierOperator Operator { get; }

    /// <summary>The version as written, without surrounding whitespace (<c>1.0.*</c> for <c>== 1.0.*</c>).</summary>
    public string VersionText { get; }

    /// <summary><c>==V.*</c> or <c>!=V.*</c>.</summary>
    public bool IsPrefixMatch { get; }

    /// <summary>
    /// The parsed <see cref="VersionText"/>: for a prefix match its release (<c>1.2</c> for <c>==1.2.*</c>);
    /// for <c>===</c> the text as a version when it is one, else null.
    /// </summary>
    public Pep440Version? Version => _version;

    /// <summary>
    /// The clause names a pre-release, so it admits pre-releases by default (packaging's
    /// <c>Specifier.prereleases</c> when not forced): any operator but <c>!=</c> and prefix matches.
    /// </summary>
    public bool NamesPreRelease { get; }

    public static VersionSpecifier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SpecifierParser.TryParseClause(text, 0, out var specifier, out var error))
        {
            return specifier;
        }
        throw error.ToException(text);
    }

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out VersionSpecifier? specifier, out SpecifierParseError error) =>
        SpecifierParser.TryParseClause(text, 0, out specifier, out error);

    /// <summary>
    /// packaging's <c>Specifier.contains</c>: with <paramref name="prereleases"/> false a pre-release is
    /// never contained; otherwise a pre-release is contained when it satisfies the clause.
    /// </summary>
    public bool Contains(Pep440Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        return !(prereleases == false && version.IsPreRelease) && Matches(version);
    }

    /// <summary>As <see cref="Contains(Pep440Version, bool?)"/>; a string that is not PEP 440 matches only <c>===</c>.</summary>
    public bool Contains(string versionText, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(versionText);
        var version = Pep440Version.ParseOrNull(versionText);
        if (prereleases == false && version is { IsPreRelease: true })
        {
            return false;
        }
        return MatchesText(versionText, version);
    }

    /// <summary><c>str(Specifier)</c>: the operator and the version as written, without whitespace.</summary>
    public override string ToString() => Operator.ToText() + VersionText;

    /// <summary>packaging's equality: same operator and same version, ignoring trailing zeros except for <c>~=</c>.</summary>
    public bool Equals(VersionSpecifier? other) =>
        other is not null && Operator == other.Operator && string.Equals(CanonicalVersion, other.CanonicalVersion, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is VersionSpecifier other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Operator, StringComparer.Ordinal.GetHashCode(CanonicalVersion));

    /// <summary>Whether <paramref name="version"/> satisfies the clause, before any pre-release policy.</summary>
    internal bool Matches(Pep440Version version)
    {
        var v = _version!;
        switch (_kind)
        {
            case ClauseKind.GreaterOrEqual:
                return version.ComparePublic(v) >= 0;
            case ClauseKind.LessOrEqual:
                return version.ComparePublic(v) <= 0;
            case ClauseKind.Equal:
                return version.EqualsPublic(v);
            case ClauseKind.NotEqual:
                return !version.EqualsPublic(v);
            case ClauseKind.EqualWithLocal:
                return version.Equals(v);
            case ClauseKind.NotEqualWithLocal:
                return !version.Equals(v);
            case ClauseKind.Less:
                return version.ComparePublic(_upperBound!) < 0;
            case ClauseKind.GreaterExcludingLocals:
                return version.ComparePublic(v) > 0;
            case ClauseKind.GreaterExcludingPostReleases:
                return version.ComparePublic(v) > 0 && !version.SharesPostFamily(v);
            case ClauseKind.Compatible:
                return version.ComparePublic(v) >= 0 && version.MatchesReleasePrefix(v.Epoch, v.Release[.._prefixLength]);
            case ClauseKind.PrefixEqual:
                return version.MatchesReleasePrefix(v.Epoch, v.Release);
            case ClauseKind.PrefixNotEqual:
                return !version.MatchesReleasePrefix(v.Epoch, v.Release);
            default:
                return MatchesArbitrary(version);
        }
    }

    /// <summary>
    /// Whether a candidate given as text satisfies the clause: <c>===</c> compares the text itself,
    /// the other operators its parsed <paramref name="version"/> (null when it is not PEP 440).
    /// </summary>
    internal bool MatchesText(ReadOnlySpan<char> text, Pep440Version? version)
    {
        if (_kind == ClauseKind.Arbitrary)
        {
            return PythonLowercase.LowerEquals(text, _loweredText!);
        }
        return version is not null && Matches(version);
    }

    internal bool IsArbitrary => _kind == ClauseKind.Arbitrary;

    // packaging compares a Version with === through str(version), its normalized form.
    private bool MatchesArbitrary(Pep440Version version)
    {
        Span<char> buffer = stackalloc char[128];
        if (version.TryFormat(buffer, out var written))
        {
            return PythonLowercase.LowerEquals(buffer[..written], _loweredText!);
        }
        return PythonLowercase.LowerEquals(version.ToString(), _loweredText!);
    }

    private string CanonicalVersion
    {
        get
        {
            if (_kind == ClauseKind.Arbitrary || IsPrefixMatch || _version is null)
            {
                return VersionText;
            }
            return Operator == SpecifierOperator.Compatible ? _version.ToString() : _version.ToStringWithoutTrailingZeros();
        }
    }

    private static ClauseKind Classify(SpecifierOperator op, Pep440Version? version, bool isPrefixMatch) => op switch
    {
        SpecifierOperator.ArbitraryEqual => ClauseKind.Arbitrary,
        SpecifierOperator.Equal when isPrefixMatch => ClauseKind.PrefixEqual,
        SpecifierOperator.NotEqual when isPrefixMatch => ClauseKind.PrefixNotEqual,
        SpecifierOperator.Equal => version!.HasLocal ? ClauseKind.EqualWithLocal : ClauseKind.Equal,
        SpecifierOperator.NotEqual => version!.HasLocal ? ClauseKind.NotEqualWithLocal : ClauseKind.NotEqual,
        SpecifierOperator.GreaterThanOrEqual => ClauseKind.GreaterOrEqual,
        SpecifierOperator.LessThanOrEqual => ClauseKind.LessOrEqual,
        SpecifierOperator.LessThan => ClauseKind.Less,
        SpecifierOperator.GreaterThan => version!.IsDevRelease || version.IsPostRelease
            ? ClauseKind.GreaterExcludingLocals
            : ClauseKind.GreaterExcludingPostReleases,
        _ => ClauseKind.Compatible,
    };

    /// <summary>How a clause decides membership; each is a few comparisons on the parsed version.</summary>
    private enum ClauseKind : byte
    {
        GreaterOrEqual,

        // <=V: the candidate without its local label is at most V.
        LessOrEqual,

        // ==V without a local label in V: any local label of V matches.
        Equal,
        NotEqual,
        EqualWithLocal,
        NotEqualWithLocal,

        // <V: below V.dev0 (or below V when V is a pre-release).
        Less,

        // >V.devN, >V.postN: above V and not V+local (packaging: >= V.dev(N+1), >= V.post(N+1).dev0).
        GreaterExcludingLocals,

        // >V otherwise: above V and not V+local or a post-release of V.
        GreaterExcludingPostReleases,

        // ~=V: at least V, same epoch, and the release starts with V's release minus its last number.
        Compatible,
        PrefixEqual,
        PrefixNotEqual,
        Arbitrary,
    }
}
