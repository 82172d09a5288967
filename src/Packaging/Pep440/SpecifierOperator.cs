namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// The comparison operators of PEP 440 version specifiers. Prefix matching (<c>==1.2.*</c>,
/// <c>!=1.2.*</c>) is <see cref="Equal"/>/<see cref="NotEqual"/> with <see cref="VersionSpecifier.IsPrefixMatch"/>.
/// </summary>
public enum SpecifierOperator : byte
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>~=</c>, the compatible-release operator.</summary>
    Compatible,

    /// <summary><c>===</c>, arbitrary (string) equality.</summary>
    ArbitraryEqual,
}

public static class SpecifierOperatorExtensions
{
    /// <summary>The operator as written in a specifier: <c>==</c>, <c>~=</c>, <c>===</c>...</summary>
    public static string ToText(this SpecifierOperator op) => op switch
    {
        SpecifierOperator.Equal => "==",
        SpecifierOperator.NotEqual => "!=",
        SpecifierOperator.LessThanOrEqual => "<=",
        SpecifierOperator.GreaterThanOrEqual => ">=",
        SpecifierOperator.LessThan => "<",
        SpecifierOperator.GreaterThan => ">",
        SpecifierOperator.Compatible => "~=",
        SpecifierOperator.ArbitraryEqual => "===",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a specifier operator"),
    };
}
