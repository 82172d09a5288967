namespace Req2Nix.Inputs.Toml;

public sealed class TomlBoolean : TomlValue
{
    internal TomlBoolean(bool value, TomlPosition position)
        : base(position) => Value = value;

    public bool Value { get; }

    public override TomlValueKind Kind => TomlValueKind.Boolean;

    public override string ToString() => Value ? "true" : "false";
}
