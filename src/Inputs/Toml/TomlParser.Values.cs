namespace Req2Nix.Inputs.Toml;

/// <summary>Values: strings, scalars (booleans, numbers, date-times), arrays and inline tables.</summary>
internal ref partial struct TomlParser
{
    private TomlValue ParseValue()
    {
        var position = Here;
        if (AtEnd)
        {
            throw Error("expected a value, found the end of the file");
        }
        switch (_text[_offset])
        {
            case (byte)'"':
                return new TomlString(
                    Rest.StartsWith("\"\"\""u8) ? ParseMultilineString(position) : ParseBasicString(position),
                    position);
            case (byte)'\'':
                return new TomlString(
                    Rest.StartsWith("'''"u8) ? ParseMultilineString(position) : ParseLiteralString(position),
                    position);
            case (byte)'[':
                return ParseArray(position);
            case (byte)'{':
                return ParseInlineTable(position);
            default:
                return ParseScalar(position);
        }
    }

    /// <summary>A date-time, or an unquoted token: <c>true</c>, <c>false</c>, a number, <c>inf</c>, <c>nan</c>.</summary>
    private TomlValue ParseScalar(TomlPosition position)
    {
        if (TomlDateTimeParser.StartsWithDate(Rest) || TomlDateTimeParser.StartsWithTime(Rest))
        {
            var dateTime = TomlDateTimeParser.Parse(Rest, position, out var length);
            _offset += length;
            return dateTime;
        }
        var start = _offset;
        while (_offset < _text.Length && TomlSyntax.IsScalarByte(_text[_offset]))
        {
            _offset++;
        }
        var token = _text[start.._offset];
        if (token.IsEmpty)
        {
            throw Error($"expected a value, found {Found()}");
        }
        if (token.SequenceEqual("true"u8))
        {
            return new TomlBoolean(true, position);
        }
        if (token.SequenceEqual("false"u8))
        {
            return new TomlBoolean(false, position);
        }
        return TomlNumberParser.Parse(token, position);
    }

    /// <summary><c>[ a, b, ]</c>: items of any kinds, newlines and comments between them, a trailing comma allowed.</summary>
    private TomlArray ParseArray(TomlPosition position)
    {
        EnterNesting();
        _offset++;
        var array = new TomlArray(position, isArrayOfTables: false);
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (!AtEnd && _text[_offset] == ']')
            {
                break;
            }
            if (AtEnd)
            {
                throw new TomlException("unterminated array: the closing ']' is missing", position);
            }
            array.Add(ParseValue());
            SkipWhitespaceCommentsAndNewlines();
            if (!AtEnd && _text[_offset] == ',')
            {
                _offset++;
                continue;
            }
            if (!AtEnd && _text[_offset] == ']')
            {
                break;
            }
            throw AtEnd
                ? new TomlException("unterminated array: the closing ']' is missing", position)
                : Error($"expected ',' or ']' after an array item, found {Found()}");
        }
        _offset++;
        _nesting--;
        return array;
    }

    /// <summary><c>{ a = 1, b.c = 2 }</c>: on one line, no trailing comma, complete as written.</summary>
    private TomlTable ParseInlineTable(TomlPosition position)
    {
        EnterNesting();
        _offset++;
        var table = new TomlTable(position, TomlTableOrigin.Inline);
        SkipWhitespace();
        if (!AtEnd && _text[_offset] == '}')
        {
            _offset++;
            _nesting--;
            return table;
        }
        while (true)
        {
            if (AtEnd || _text[_offset] is (byte)'\n' or (byte)'\r')
            {
                throw new TomlException("unterminated inline table: it must close with '}' on the same line", position);
            }
            if (_text[_offset] == '}')
            {
                throw Error("an inline table cannot end with a comma");
            }
            ParseKeyValue(table);
            SkipWhitespace();
            if (!AtEnd && _text[_offset] == ',')
            {
                _offset++;
                SkipWhitespace();
                continue;
            }
            if (!AtEnd && _text[_offset] == '}')
            {
                _offset++;
                _nesting--;
                return table;
            }
            throw AtEnd || _text[_offset] is (byte)'\n' or (byte)'\r'
                ? new TomlException("unterminated inline table: it must close with '}' on the same line", position)
                : Error($"expected ',' or '}}' after a key/value pair in an inline table, found {Found()}");
        }
    }

    private void EnterNesting()
    {
        if (++_nesting > TomlReader.MaxNesting)
        {
            throw Error($"arrays and inline tables are nested more than {TomlReader.MaxNesting} deep");
        }
    }
}
