namespace Req2Nix.Inputs.Toml;

/// <summary>
/// A string of any of the four TOML kinds, escapes resolved. A newline inside a multi-line
/// string is always <c>\n</c>, also where the file has CRLF line endings.
/// </summary>
public sealed class TomlString : TomlValue
{
    internal TomlString(string value, TomlPosition position)
        : base(position) => Value = value;

    public string Value { get; }

    public override TomlValueKind Kind => TomlValueKind.String;

    public override string ToString() => Value;
}
