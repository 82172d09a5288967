using System.Globalization;

namespace Req2Nix.Inputs.Toml;

/// <summary>An IEEE 754 binary64 float, including <c>inf</c> and <c>nan</c>.</summary>
public sealed class TomlFloat : TomlValue
{
    internal TomlFloat(double value, TomlPosition position)
        : base(position) => Value = value;

    public double Value { get; }

    public override TomlValueKind Kind => TomlValueKind.Float;

    public override string ToString() => Value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        double.NaN => "nan",
        _ => Value.ToString("R", CultureInfo.InvariantCulture),
    };
}
