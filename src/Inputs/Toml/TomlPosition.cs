namespace Req2Nix.Inputs.Toml;

/// <summary>
/// Where something stands in a TOML source: a 1-based line, a 1-based column counted in Unicode
/// characters (scalar values, a tab counts as one), and the name of the source when it has one.
/// </summary>
public readonly record struct TomlPosition(int Line, int Column, string? SourceName = null)
{
    /// <summary><c>file:line:column</c>, or <c>line:column</c> for a source without a name.</summary>
    public override string ToString() =>
        SourceName is null ? $"{Line}:{Column}" : $"{SourceName}:{Line}:{Column}";

    /// <summary><c>line:column</c> only, for pointing at another place in the same source.</summary>
    public string ToShortString() => $"{Line}:{Column}";
}
