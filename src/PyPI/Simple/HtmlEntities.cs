using System.Globalization;
using System.Text;

namespace Req2Nix.PyPI.Simple;

/// <summary>
/// Decodes the character references an index page puts in attribute values: numeric ones
/// (<c>&amp;#62;</c>, <c>&amp;#x3E;</c>) and the named ones that occur in URLs and version
/// specifiers (<c>&amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;apos; &amp;nbsp;</c>). Anything else is kept as written.
/// </summary>
internal static class HtmlEntities
{
    public static string Decode(string text)
    {
        var ampersand = text.IndexOf('&', StringComparison.Ordinal);
        if (ampersand < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        result.Append(text, 0, ampersand);
        var position = ampersand;
        while (position < text.Length)
        {
            var c = text[position];
            if (c != '&' || !TryDecodeReference(text.AsSpan(position), out var decoded, out var length))
            {
                result.Append(c);
                position++;
                continue;
            }
            result.Append(decoded);
            position += length;
        }
        return result.ToString();
    }

    private static bool TryDecodeReference(ReadOnlySpan<char> text, out string decoded, out int length)
    {
        decoded = string.Empty;
        var semicolon = text.IndexOf(';');
        length = semicolon + 1;
        if (semicolon < 2 || semicolon > 12)
        {
            return false;
        }
        var name = text[1..semicolon];
        if (name[0] == '#')
        {
            var isHex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = name[(isHex ? 2 : 1)..];
            if (!int.TryParse(digits, isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var codePoint)
                || !Rune.IsValid(codePoint) || codePoint == 0)
            {
                return false;
            }
            decoded = char.ConvertFromUtf32(codePoint);
            return true;
        }
        decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            _ => string.Empty,
        };
        return decoded.Length > 0;
    }
}
