using System.Globalization;
using System.Text;
using Req2Nix.Packaging.Text;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// Marker string literals. packaging reads each quoted string with Python's
/// <c>ast.literal_eval</c>, so backslash escapes are decoded the way Python decodes them
/// (<c>"\x41"</c> is <c>A</c>, <c>"\x"</c> and <c>"C:\"</c> are errors); serialization puts a
/// value back in double quotes, or single quotes when it contains a double quote.
/// </summary>
internal static class MarkerLiteral
{
    private static readonly AsciiSet HexDigits = new("0123456789abcdefABCDEF");
    private static readonly AsciiSet Special = new("\\\n\r\0");

    /// <summary>
    /// Decodes the text between the quotes of a literal. On failure returns null and sets
    /// <paramref name="errorOffset"/> (within <paramref name="content"/>) and <paramref name="error"/>.
    /// </summary>
    public static string? Decode(ReadOnlySpan<char> content, out int errorOffset, out string? error)
    {
        errorOffset = -1;
        error = null;
        var plain = Special.IndexOfAny(content);
        if (plain < 0 && !HasLoneSurrogate(content, out errorOffset))
        {
            return content.ToString();
        }
        if (plain < 0)
        {
            error = "a string cannot contain an unpaired surrogate character";
            return null;
        }

        var builder = new StringBuilder(content.Length);
        builder.Append(content[..plain]);
        var i = plain;
        while (i < content.Length)
        {
            var c = content[i];
            switch (c)
            {
                case '\n' or '\r':
                    return Fail(i, "a string cannot contain a line break", out errorOffset, out error);
                case '\0':
                    return Fail(i, "a string cannot contain a NUL character", out errorOffset, out error);
                case '\\':
                    var consumed = DecodeEscape(content, i, builder, out error);
                    if (consumed == 0)
                    {
                        errorOffset = i;
                        return null;
                    }
                    i += consumed;
                    break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        if (!IsPairAt(content, i))
                        {
                            return Fail(i, "a string cannot contain an unpaired surrogate character", out errorOffset, out error);
                        }
                        builder.Append(content.Slice(i, 2));
                        i += 2;
                        break;
                    }
                    builder.Append(c);
                    i++;
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>The literal as packaging serializes it: <c>"value"</c>, else <c>'value'</c>.</summary>
    /// <remarks>
    /// A value holding both quote characters (only possible through escapes) makes packaging's
    /// <c>str(Marker)</c> raise; here it is written in double quotes with <c>\x22</c> for the double
    /// quote and <c>\\</c> for the backslash (a quote cannot be escaped as <c>\"</c>: the tokenizer
    /// ends a string at the first matching quote), which parses back to the same value.
    /// </remarks>
    public static string Quote(string value)
    {
        if (!value.Contains('"', StringComparison.Ordinal))
        {
            return string.Concat("\"", value, "\"");
        }
        if (!value.Contains('\'', StringComparison.Ordinal))
        {
            return string.Concat("'", value, "'");
        }
        return string.Concat("\"", value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\x22", StringComparison.Ordinal), "\"");
    }

    /// <summary>Decodes the escape at <paramref name="start"/>; returns the characters consumed, 0 on error.</summary>
    private static int DecodeEscape(ReadOnlySpan<char> content, int start, StringBuilder builder, out string? error)
    {
        error = null;
        if (start + 1 >= content.Length)
        {
            // The backslash escapes the closing quote, so the literal never ends.
            error = "the string is not closed: its last quote is escaped by '\\'";
            return 0;
        }
        var next = content[start + 1];
        switch (next)
        {
            case '\n':
                return 2;
            case '\r':
                return start + 2 < content.Length && content[start + 2] == '\n' ? 3 : 2;
            case '\\' or '\'' or '"':
                builder.Append(next);
                return 2;
            case 'a':
                builder.Append('\a');
                return 2;
            case 'b':
                builder.Append('\b');
                return 2;
            case 'f':
                builder.Append('\f');
                return 2;
            case 'n':
                builder.Append('\n');
                return 2;
            case 'r':
                builder.Append('\r');
                return 2;
            case 't':
                builder.Append('\t');
                return 2;
            case 'v':
                builder.Append('\v');
                return 2;
            case >= '0' and <= '7':
                var value = 0;
                var length = 1;
                while (length <= 3 && start + length < content.Length && content[start + length] is >= '0' and <= '7')
                {
                    value = (value * 8) + (content[start + length] - '0');
                    length++;
                }
                builder.Append((char)value);
                return length;
            case 'x':
                return AppendHex(content, start, 2, builder, out error);
            case 'u':
                return AppendHex(content, start, 4, builder, out error);
            case 'U':
                return AppendHex(content, start, 8, builder, out error);
            case 'N':
                error = "named escapes such as '\\N{...}' are not supported in marker strings";
                return 0;
            default:
                // Python keeps an unknown escape as written (with a warning).
                builder.Append('\\');
                return 1;
        }
    }

    private static int AppendHex(ReadOnlySpan<char> content, int start, int digits, StringBuilder builder, out string? error)
    {
        error = null;
        var first = start + 2;
        if (first + digits > content.Length
            || HexDigits.ContainsAnyExcept(content.Slice(first, digits))
            || !uint.TryParse(content.Slice(first, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'\\{content[start + 1]}' must be followed by {digits} hexadecimal digits";
            return 0;
        }
        if (value > 0x10FFFF)
        {
            error = $"'\\U{content.Slice(first, digits)}' is beyond the last Unicode code point";
            return 0;
        }
        if (value < 0x10000)
        {
            builder.Append((char)value);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32((int)value));
        }
        return 2 + digits;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> content, out int offset)
    {
        offset = -1;
        if (Ascii.IsValid(content))
        {
            return false;
        }
        for (var i = 0; i < content.Length; i++)
        {
            if (char.IsSurrogate(content[i]))
            {
                if (!IsPairAt(content, i))
                {
                    offset = i;
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private static bool IsPairAt(ReadOnlySpan<char> content, int i) =>
        char.IsHighSurrogate(content[i]) && i + 1 < content.Length && char.IsLowSurrogate(content[i + 1]);

    private static string? Fail(int offset, string message, out int errorOffset, out string? error)
    {
        errorOffset = offset;
        error = message;
        return null;
    }
}
