namespace Req2Nix.Inputs.Toml;

/// <summary>Kinds and value types named as a message says them: "an integer", "a local date".</summary>
internal static class TomlDescriptions
{
    public static string Of(TomlValueKind kind) => kind switch
    {
        TomlValueKind.String => "a string",
        TomlValueKind.Integer => "an integer",
        TomlValueKind.Float => "a float",
        TomlValueKind.Boolean => "a boolean",
        TomlValueKind.OffsetDateTime => "an offset date-time",
        TomlValueKind.LocalDateTime => "a local date-time",
        TomlValueKind.LocalDate => "a local date",
        TomlValueKind.LocalTime => "a local time",
        TomlValueKind.Array => "an array",
        TomlValueKind.Table => "a table",
        _ => "a value",
    };

    public static string Of<T>()
        where T : TomlValue
    {
        var type = typeof(T);
        return type == typeof(TomlString) ? "a string"
            : type == typeof(TomlInteger) ? "an integer"
            : type == typeof(TomlFloat) ? "a float"
            : type == typeof(TomlBoolean) ? "a boolean"
            : type == typeof(TomlDateTime) ? "a date or time"
            : type == typeof(TomlArray) ? "an array"
            : type == typeof(TomlTable) ? "a table"
            : "a value";
    }
}
