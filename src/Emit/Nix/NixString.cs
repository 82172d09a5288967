using System.Text;
using Req2Nix.Packaging.Text;

namespace Req2Nix.Emit.Nix;

/// <summary>
/// Writes Nix double-quoted string literals that evaluate to exactly the given text, whatever it
/// holds: <c>"</c> and <c>\</c> are escaped so the text cannot end the literal, <c>${</c> becomes
/// <c>\${</c> so it cannot start an interpolation, and newline, carriage return and tab are
/// written as <c>\n</c>, <c>\r</c>, <c>\t</c> (Nix would turn a raw carriage return into a
/// newline). Everything else, other control characters and non-ASCII text included, is written
/// as it is: Nix has no other escapes and reads its files as UTF-8.
/// </summary>
public static class NixString
{
    private static readonly AsciiSet NeedEscaping = new("\"\\$\n\r\t\0");

    /// <summary>The literal, quotes included. Throws <see cref="ArgumentException"/> for text Nix cannot hold: NUL, or a lone UTF-16 surrogate.</summary>
    public static string Quote(string value)
    {
        if (NeedEscaping.IndexOfAny(value) < 0 && !HasLoneSurrogate(value))
        {
            return string.Concat("\"", value, "\"");
        }
        var builder = new StringBuilder(value.Length + 8);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends the literal for <paramref name="value"/>, quotes included, to <paramref name="builder"/>.</summary>
    public static void AppendQuoted(StringBuilder builder, ReadOnlySpan<char> value)
    {
        if (HasLoneSurrogate(value))
        {
            throw new ArgumentException("the text holds a lone UTF-16 surrogate, which no Nix string can hold", nameof(value));
        }
        builder.Append('"');
        while (true)
        {
            var next = NeedEscaping.IndexOfAny(value);
            if (next < 0)
            {
                builder.Append(value);
                break;
            }
            builder.Append(value[..next]);
            var c = value[next];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n' or '\r' or '\t':
                    builder.Append(LineEscape(c));
                    break;
                case '$':
                    // Only "${" starts an interpolation; a '$' before anything else is plain text.
                    builder.Append(next + 1 < value.Length && value[next + 1] == '{' ? "\\$" : "$");
                    break;
                default:
                    throw new ArgumentException("the text holds a NUL character, which no Nix string can hold", nameof(value));
            }
            value = value[(next + 1)..];
        }
        builder.Append('"');
    }

    /// <summary>The escape Nix strings (and req2nix's comments) write for a line feed, carriage return or tab.</summary>
    internal static string LineEscape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "not a line feed, carriage return or tab"),
    };

    /// <summary>One scalar pass: the vectorised range search runs as unoptimised, boxing code in a run as short as req2nix's.</summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i]))
            {
                continue;
            }
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            return true;
        }
        return false;
    }
}
