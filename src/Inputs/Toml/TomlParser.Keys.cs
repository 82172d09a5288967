namespace Req2Nix.Inputs.Toml;

/// <summary>Keys: bare (<c>name</c>), quoted (<c>"a b"</c>, <c>'c:\x'</c>) and dotted (<c>a."b".c</c>).</summary>
internal ref partial struct TomlParser
{
    /// <summary>Reads a key into the segment buffer and returns its segment count; stops after trailing whitespace.</summary>
    private int ParseKey()
    {
        var count = 0;
        while (true)
        {
            var segment = ParseSimpleKey();
            if (count == _keySegments.Length)
            {
                Array.Resize(ref _keySegments, count * 2);
            }
            _keySegments[count++] = segment;
            SkipWhitespace();
            if (AtEnd || _text[_offset] != '.')
            {
                return count;
            }
            _offset++;
            SkipWhitespace();
        }
    }

    private TomlKeySegment ParseSimpleKey()
    {
        var position = Here;
        if (!AtEnd && _text[_offset] == '"')
        {
            return new TomlKeySegment(ParseBasicString(position), position);
        }
        if (!AtEnd && _text[_offset] == '\'')
        {
            return new TomlKeySegment(ParseLiteralString(position), position);
        }
        var start = _offset;
        while (_offset < _text.Length && TomlSyntax.IsBareKeyByte(_text[_offset]))
        {
            _offset++;
        }
        if (_offset == start)
        {
            throw Error($"expected a key, found {Found()}");
        }
        return new TomlKeySegment(_keyCache.Get(_text[start.._offset]), position);
    }
}
