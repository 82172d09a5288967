namespace Req2Nix.Packaging.Pep508;

/// <summary>A comparison operator of an environment marker.</summary>
public enum MarkerOperator
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>~=</c></summary>
    Compatible,

    /// <summary><c>===</c></summary>
    ArbitraryEqual,

    /// <summary><c>in</c>: substring (or set membership for <c>extras</c>/<c>dependency_groups</c>).</summary>
    In,

    /// <summary><c>not in</c></summary>
    NotIn,
}
