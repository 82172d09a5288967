namespace Req2Nix.Inputs.Toml;

/// <summary>
/// Bad TOML, or a TOML document that does not have the shape its reader asked for. The message
/// reads <c>file:line:column: reason</c>.
/// </summary>
public sealed class TomlException : Exception
{
    public TomlException(string reason, TomlPosition position)
        : base($"{position}: {reason}")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    public TomlPosition Position { get; }

    public string? SourceName => Position.SourceName;

    public int Line => Position.Line;

    public int Column => Position.Column;
}
