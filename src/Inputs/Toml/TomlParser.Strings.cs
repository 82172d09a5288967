using System.Text;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// The four string kinds. A string without escapes or line breaks is decoded straight from the
/// source; otherwise its bytes are assembled in a scratch buffer first. Multi-line strings drop a
/// newline right after the opening delimiter and turn CRLF into LF.
/// </summary>
internal ref partial struct TomlParser
{
    /// <summary><c>"…"</c> with escapes, on one line. The cursor is on the opening quote.</summary>
    private string ParseBasicString(TomlPosition start)
    {
        _offset++;
        var stop = Rest.IndexOfAny(TomlSyntax.BasicStringStops);
        if (stop >= 0 && _text[_offset + stop] == '"')
        {
            var simple = Encoding.UTF8.GetString(Rest[..stop]);
            _offset += stop + 1;
            return simple;
        }
        var length = 0;
        while (true)
        {
            stop = Rest.IndexOfAny(TomlSyntax.BasicStringStops);
            if (stop < 0)
            {
                throw new TomlException("unterminated string: the closing '\"' is missing", start);
            }
            AppendToScratch(ref length, Rest[..stop]);
            _offset += stop;
            switch (_text[_offset])
            {
                case (byte)'"':
                    _offset++;
                    return Encoding.UTF8.GetString(_scratch, 0, length);
                case (byte)'\\':
                    AppendEscape(ref length);
                    break;
                case (byte)'\n' or (byte)'\r':
                    throw new TomlException(
                        "unterminated string: the closing '\"' is missing on this line (use \"\"\" for a multi-line string)",
                        start);
                default:
                    throw Error($"{Found()} must be escaped in a string");
            }
        }
    }

    /// <summary><c>'…'</c>, as written, on one line. The cursor is on the opening apostrophe.</summary>
    private string ParseLiteralString(TomlPosition start)
    {
        _offset++;
        var stop = Rest.IndexOfAny(TomlSyntax.LiteralStringStops);
        if (stop < 0 || _text[_offset + stop] is (byte)'\n' or (byte)'\r')
        {
            throw new TomlException("unterminated string: the closing \"'\" is missing on this line", start);
        }
        if (_text[_offset + stop] != '\'')
        {
            _offset += stop;
            throw Error($"{Found()} is not allowed in a literal string");
        }
        var value = Encoding.UTF8.GetString(Rest[..stop]);
        _offset += stop + 1;
        return value;
    }

    /// <summary>
    /// <c>"""…"""</c> (escapes and line-ending backslashes) or <c>'''…'''</c> (as written). The
    /// cursor is on the opening delimiter.
    /// </summary>
    private string ParseMultilineString(TomlPosition start)
    {
        var quote = _text[_offset];
        var isBasic = quote == '"';
        var stops = isBasic ? TomlSyntax.BasicStringStops : TomlSyntax.LiteralStringStops;
        _offset += 3;
        SkipNewlineAfterOpeningDelimiter();
        var length = 0;
        while (true)
        {
            var stop = Rest.IndexOfAny(stops);
            if (stop < 0)
            {
                var delimiter = isBasic ? "\"\"\"" : "'''";
                throw new TomlException($"unterminated multi-line string: the closing {delimiter} is missing", start);
            }
            AppendToScratch(ref length, Rest[..stop]);
            _offset += stop;
            var b = _text[_offset];
            if (b == quote)
            {
                if (TryCloseMultiline(quote, ref length))
                {
                    return Encoding.UTF8.GetString(_scratch, 0, length);
                }
            }
            else if (b is (byte)'\n' or (byte)'\r')
            {
                AppendNewline(ref length);
            }
            else if (b == '\\' && isBasic)
            {
                if (!TrySkipLineEndingBackslash())
                {
                    AppendEscape(ref length);
                }
            }
            else
            {
                throw Error(isBasic ? $"{Found()} must be escaped in a string" : $"{Found()} is not allowed in a literal string");
            }
        }
    }

    private void SkipNewlineAfterOpeningDelimiter()
    {
        if (Rest.StartsWith("\n"u8))
        {
            StartLine(_offset + 1);
        }
        else if (Rest.StartsWith("\r\n"u8))
        {
            StartLine(_offset + 2);
        }
    }

    /// <summary>
    /// At a run of quotes inside a multi-line string: fewer than three are content; three to five
    /// close the string, the first one or two of them still content; six or more are an error.
    /// </summary>
    private bool TryCloseMultiline(byte quote, ref int length)
    {
        var run = 0;
        while (_offset + run < _text.Length && _text[_offset + run] == quote)
        {
            run++;
        }
        if (run > 5)
        {
            _offset += 5;
            throw Error($"too many {(quote == '"' ? "quotes" : "apostrophes")} in a row at the end of a multi-line string");
        }
        var content = run < 3 ? run : run - 3;
        AppendToScratch(ref length, _text.Slice(_offset, content));
        _offset += run;
        return run >= 3;
    }

    /// <summary>LF, or CRLF stored as LF.</summary>
    private void AppendNewline(ref int length)
    {
        ReadNewline("expected a newline");
        AppendToScratch(ref length, "\n"u8);
    }

    /// <summary>
    /// A backslash that ends its line (whitespace may follow it) joins the lines: it, the newline and
    /// all whitespace and newlines after it are dropped. False when the backslash starts an escape.
    /// </summary>
    private bool TrySkipLineEndingBackslash()
    {
        var i = _offset + 1;
        while (i < _text.Length && TomlSyntax.IsWhitespace(_text[i]))
        {
            i++;
        }
        if (i == _text.Length || _text[i] is not ((byte)'\n' or (byte)'\r'))
        {
            return false;
        }
        _offset = i;
        SkipWhitespaceAndNewlines();
        return true;
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || _text[_offset] is not ((byte)'\n' or (byte)'\r'))
            {
                return;
            }
            ReadNewline("expected a newline");
        }
    }

    /// <summary>An escape sequence at the cursor's backslash, appended as UTF-8.</summary>
    private void AppendEscape(ref int length)
    {
        var escapeStart = _offset;
        if (_offset + 1 == _text.Length)
        {
            throw Error("unterminated string: it ends in a backslash");
        }
        var kind = _text[_offset + 1];
        byte simple = kind switch
        {
            (byte)'b' => 0x08,
            (byte)'t' => 0x09,
            (byte)'n' => 0x0A,
            (byte)'f' => 0x0C,
            (byte)'r' => 0x0D,
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            _ => 0,
        };
        if (simple != 0)
        {
            AppendToScratch(ref length, [simple]);
            _offset += 2;
            return;
        }
        if (kind is not ((byte)'u' or (byte)'U'))
        {
            _offset++;
            throw new TomlException(
                $"invalid escape sequence: {Found()} after a backslash (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)",
                PositionAt(escapeStart));
        }
        var digits = kind == 'u' ? 4 : 8;
        var scalar = 0;
        for (var i = 0; i < digits; i++)
        {
            var at = _offset + 2 + i;
            var digit = at < _text.Length ? HexValue(_text[at]) : -1;
            if (digit < 0)
            {
                throw Error($"invalid escape sequence: \\{(char)kind} must be followed by {digits} hexadecimal digits");
            }
            scalar = (scalar << 4) | digit;
        }
        if (!Rune.TryCreate(scalar, out var rune))
        {
            throw Error($"invalid escape sequence: U+{scalar:X4} is not a Unicode scalar value");
        }
        Span<byte> utf8 = stackalloc byte[4];
        var written = rune.EncodeToUtf8(utf8);
        AppendToScratch(ref length, utf8[..written]);
        _offset += 2 + digits;
    }

    private void AppendToScratch(ref int length, scoped ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, length + bytes.Length));
        }
        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
