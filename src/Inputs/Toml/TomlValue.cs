namespace Req2Nix.Inputs.Toml;

/// <summary>
/// A value of a TOML document: <see cref="TomlString"/>, <see cref="TomlInteger"/>,
/// <see cref="TomlFloat"/>, <see cref="TomlBoolean"/>, <see cref="TomlDateTime"/>,
/// <see cref="TomlArray"/> or <see cref="TomlTable"/>. Each knows where it was written.
/// </summary>
public abstract class TomlValue
{
    private protected TomlValue(TomlPosition position) => Position = position;

    /// <summary>Where the value starts; for a table, its header (or the key or brace that made it).</summary>
    public TomlPosition Position { get; internal set; }

    public abstract TomlValueKind Kind { get; }

    /// <summary>An exception that points at this value: <c>throw value.CreateError("must be a version")</c>.</summary>
    public TomlException CreateError(string reason) => new(reason, Position);

    /// <summary>The kind with its article, for messages: "a string", "an inline table".</summary>
    public virtual string Description => TomlDescriptions.Of(Kind);
}
