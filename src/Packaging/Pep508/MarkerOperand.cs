namespace Req2Nix.Packaging.Pep508;

/// <summary>One side of a marker comparison: a variable or a string literal.</summary>
public readonly struct MarkerOperand : IEquatable<MarkerOperand>
{
    private readonly string? _literal;
    private readonly MarkerVariable _variable;

    private MarkerOperand(MarkerVariable variable, string? literal)
    {
        _variable = variable;
        _literal = literal;
    }

    public static MarkerOperand ForVariable(MarkerVariable variable) => new(variable, null);

    /// <summary>A string literal, holding its value (escapes already decoded).</summary>
    public static MarkerOperand ForLiteral(string value) => new(default, value);

    public bool IsVariable => _literal is null;

    /// <summary>The variable; only meaningful when <see cref="IsVariable"/>.</summary>
    public MarkerVariable Variable => _variable;

    /// <summary>The literal's value, or null for a variable.</summary>
    public string? Literal => _literal;

    /// <summary>What packaging's evaluator sees on this side: the literal's value, or the variable's name.</summary>
    internal string Text => _literal ?? MarkerVariables.Name(_variable);

    public bool Equals(MarkerOperand other) =>
        IsVariable ? other.IsVariable && _variable == other._variable : string.Equals(_literal, other._literal, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is MarkerOperand other && Equals(other);

    public override int GetHashCode() => IsVariable ? (int)_variable : StringComparer.Ordinal.GetHashCode(_literal!);

    /// <summary>The serialized form of packaging's <c>str(Marker)</c>: a variable name, or the value quoted.</summary>
    public override string ToString() => IsVariable ? MarkerVariables.Name(_variable) : MarkerLiteral.Quote(_literal!);

    public static bool operator ==(MarkerOperand left, MarkerOperand right) => left.Equals(right);

    public static bool operator !=(MarkerOperand left, MarkerOperand right) => !left.Equals(right);
}
