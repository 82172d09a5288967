using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks;

/// <summary>Positions of characters inside a TOML string value, for errors in a marker, requirement or constraint it holds.</summary>
internal static class StringPosition
{
    /// <summary>
    /// Where the character at <paramref name="offset"/> (0-based) of the string's value stands,
    /// assuming a one-line string without escapes before it (the usual case in these files): one
    /// column after the opening quote, plus the offset. Other strings point at their start.
    /// </summary>
    public static TomlPosition Inside(TomlString value, int offset)
    {
        var position = value.Position;
        if (offset < 0 || offset > value.Value.Length || value.Value.AsSpan(0, offset).ContainsAny('\n', '\\'))
        {
            return position;
        }
        return position with { Column = position.Column + 1 + offset };
    }
}
