using System.Globalization;

namespace Req2Nix.Inputs.Toml;

/// <summary>A 64-bit signed integer, written in decimal, hexadecimal, octal or binary.</summary>
public sealed class TomlInteger : TomlValue
{
    internal TomlInteger(long value, TomlPosition position)
        : base(position) => Value = value;

    public long Value { get; }

    public override TomlValueKind Kind => TomlValueKind.Integer;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
