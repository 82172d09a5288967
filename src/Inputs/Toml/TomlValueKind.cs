namespace Req2Nix.Inputs.Toml;

/// <summary>The kinds of value TOML 1.0 has; the four date-time kinds are told apart.</summary>
public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
    Array,
    Table,
}
