using System.Text;

namespace Req2Nix.PyPI.Simple;

/// <summary>
/// Finds the start tags of an HTML page held as UTF-8 bytes, and their attributes, without
/// decoding the page: comments, end tags, declarations and the content of <c>script</c>/<c>style</c>
/// are skipped; quoted attribute values may hold <c>&gt;</c>.
/// </summary>
internal ref struct HtmlTagScanner(ReadOnlySpan<byte> html)
{
    private readonly ReadOnlySpan<byte> _html = html;
    private int _position;

    /// <summary>The next start tag: its name (as written) and the text of its attributes.</summary>
    public bool Next(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> attributes)
    {
        while (true)
        {
            var open = _html[_position..].IndexOf((byte)'<');
            if (open < 0)
            {
                _position = _html.Length;
                name = attributes = default;
                return false;
            }
            _position += open + 1;
            var rest = _html[_position..];
            if (rest.StartsWith("!--"u8))
            {
                SkipPast("-->"u8);
                continue;
            }
            if (rest.IsEmpty || !IsAsciiLetter(rest[0]))
            {
                // An end tag, a declaration, a processing instruction, or a stray '<' in text.
                if (!rest.IsEmpty && rest[0] is (byte)'/' or (byte)'!' or (byte)'?')
                {
                    SkipPast(">"u8);
                }
                continue;
            }
            var nameLength = 0;
            while (nameLength < rest.Length && !IsSpace(rest[nameLength]) && rest[nameLength] is not ((byte)'>' or (byte)'/'))
            {
                nameLength++;
            }
            name = rest[..nameLength];
            var end = FindTagEnd(rest, nameLength);
            attributes = rest[nameLength..end];
            _position += Math.Min(end + 1, rest.Length);
            if (name.Length is 5 or 6 && (Ascii.EqualsIgnoreCase(name, "script"u8) || Ascii.EqualsIgnoreCase(name, "style"u8)))
            {
                SkipRawText(name);
            }
            return true;
        }
    }

    /// <summary>The next attribute of <paramref name="attributes"/> (advanced past it); the value is raw, entities undecoded.</summary>
    public static bool NextAttribute(ref ReadOnlySpan<byte> attributes, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var i = 0;
        while (i < attributes.Length && (IsSpace(attributes[i]) || attributes[i] == '/'))
        {
            i++;
        }
        var nameStart = i;
        while (i < attributes.Length && !IsSpace(attributes[i]) && attributes[i] is not ((byte)'=' or (byte)'/'))
        {
            i++;
        }
        name = attributes[nameStart..i];
        value = default;
        if (name.IsEmpty)
        {
            attributes = default;
            return false;
        }
        var j = i;
        while (j < attributes.Length && IsSpace(attributes[j]))
        {
            j++;
        }
        if (j < attributes.Length && attributes[j] == '=')
        {
            j++;
            while (j < attributes.Length && IsSpace(attributes[j]))
            {
                j++;
            }
            if (j < attributes.Length && attributes[j] is (byte)'"' or (byte)'\'')
            {
                var quote = attributes[j];
                var close = attributes[(j + 1)..].IndexOf(quote);
                var valueEnd = close < 0 ? attributes.Length : j + 1 + close;
                value = attributes[(j + 1)..valueEnd];
                i = Math.Min(valueEnd + 1, attributes.Length);
            }
            else
            {
                var valueStart = j;
                while (j < attributes.Length && !IsSpace(attributes[j]))
                {
                    j++;
                }
                value = attributes[valueStart..j];
                i = j;
            }
        }
        attributes = attributes[i..];
        return true;
    }

    /// <summary>The index of the <c>&gt;</c> that closes the tag, past quoted values; the length when there is none.</summary>
    private static int FindTagEnd(ReadOnlySpan<byte> rest, int from)
    {
        byte quote = 0;
        for (var i = from; i < rest.Length; i++)
        {
            var c = rest[i];
            if (quote != 0)
            {
                if (c == quote)
                {
                    quote = 0;
                }
            }
            else if (c is (byte)'"' or (byte)'\'')
            {
                // Quotes only open a value right after '=' (possibly spaced); elsewhere they are text.
                var k = i - 1;
                while (k >= from && IsSpace(rest[k]))
                {
                    k--;
                }
                if (k >= from && rest[k] == '=')
                {
                    quote = c;
                }
            }
            else if (c == '>')
            {
                return i;
            }
        }
        return rest.Length;
    }

    private void SkipRawText(scoped ReadOnlySpan<byte> tagName)
    {
        while (true)
        {
            var close = _html[_position..].IndexOf("</"u8);
            if (close < 0)
            {
                _position = _html.Length;
                return;
            }
            _position += close + 2;
            var rest = _html[_position..];
            if (rest.Length >= tagName.Length && Ascii.EqualsIgnoreCase(rest[..tagName.Length], tagName))
            {
                SkipPast(">"u8);
                return;
            }
        }
    }

    private void SkipPast(ReadOnlySpan<byte> marker)
    {
        var index = _html[_position..].IndexOf(marker);
        _position = index < 0 ? _html.Length : _position + index + marker.Length;
    }

    private static bool IsAsciiLetter(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';
}
