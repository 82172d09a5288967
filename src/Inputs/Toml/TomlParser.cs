namespace Req2Nix.Inputs.Toml;

/// <summary>
/// A single pass over UTF-8 TOML that builds the document as it reads. This part holds the
/// document's structure (lines, headers, key/value pairs), whitespace, comments, newlines and
/// positions; keys, values and strings have their own parts.
/// </summary>
internal ref partial struct TomlParser
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly string? _sourceName;
    private int _offset;
    private int _line;
    private int _lineStart;
    private int _columnCacheOffset;
    private int _columnCacheColumn;
    private int _nesting;
    private byte[] _scratch;
    private TomlKeySegment[] _keySegments;
    private readonly TomlKeyCache _keyCache;

    /// <param name="text">Valid UTF-8 (the caller checked), without a byte-order mark.</param>
    public TomlParser(ReadOnlySpan<byte> text, string? sourceName)
    {
        _text = text;
        _sourceName = sourceName;
        _line = 1;
        _columnCacheColumn = 1;
        _scratch = new byte[256];
        _keySegments = new TomlKeySegment[8];
        _keyCache = new TomlKeyCache();
    }

    public TomlTable ParseDocument()
    {
        var root = new TomlTable(Here, TomlTableOrigin.Header);
        var current = root;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                return root;
            }
            var b = _text[_offset];
            if (b == '[')
            {
                current = ParseHeader(root);
            }
            else if (b is not ((byte)'#' or (byte)'\n' or (byte)'\r'))
            {
                ParseKeyValue(current);
            }
            SkipWhitespace();
            SkipComment();
            if (AtEnd)
            {
                return root;
            }
            ReadNewline("expected the end of the line");
        }
    }

    private readonly bool AtEnd => _offset >= _text.Length;

    private readonly ReadOnlySpan<byte> Rest => _text[_offset..];

    private TomlPosition Here => PositionAt(_offset);

    /// <summary><c>[table]</c> or <c>[[array.of.tables]]</c>; returns the table that the following lines fill.</summary>
    private TomlTable ParseHeader(TomlTable root)
    {
        var position = Here;
        var isArrayOfTables = Rest.StartsWith("[["u8);
        _offset += isArrayOfTables ? 2 : 1;
        SkipWhitespace();
        var count = ParseKey();
        if (isArrayOfTables ? !Rest.StartsWith("]]"u8) : AtEnd || _text[_offset] != ']')
        {
            throw Error($"expected '{(isArrayOfTables ? "]]" : "]")}' to close the table header, found {Found()}");
        }
        _offset += isArrayOfTables ? 2 : 1;
        var key = _keySegments.AsSpan(0, count);
        return isArrayOfTables
            ? TomlTableRules.AppendArrayTable(root, key, position)
            : TomlTableRules.DefineTable(root, key, position);
    }

    /// <summary><c>key = value</c>, the key possibly dotted, into <paramref name="table"/>.</summary>
    private void ParseKeyValue(TomlTable table)
    {
        var count = ParseKey();
        if (AtEnd || _text[_offset] != '=')
        {
            throw Error($"expected '=' after the key, found {Found()}");
        }
        _offset++;
        SkipWhitespace();
        var key = _keySegments.AsSpan(0, count);
        var parent = TomlTableRules.ParentForKeyValue(table, key);
        var last = key[^1];
        // The value may be an inline table whose own keys reuse the segment buffer: `last` is a copy.
        var value = ParseValue();
        parent.Add(last.Name, last.Position, value);
    }

    private void SkipWhitespace()
    {
        while (_offset < _text.Length && TomlSyntax.IsWhitespace(_text[_offset]))
        {
            _offset++;
        }
    }

    /// <summary>Whitespace, comments and newlines, as arrays allow between their items.</summary>
    private void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            SkipComment();
            if (AtEnd || _text[_offset] is not ((byte)'\n' or (byte)'\r'))
            {
                return;
            }
            ReadNewline("expected a newline");
        }
    }

    /// <summary>A comment up to (not including) its newline; control characters other than tab are refused.</summary>
    private void SkipComment()
    {
        if (AtEnd || _text[_offset] != '#')
        {
            return;
        }
        var stop = Rest.IndexOfAny(TomlSyntax.CommentStops);
        if (stop < 0)
        {
            _offset = _text.Length;
            return;
        }
        _offset += stop;
        var b = _text[_offset];
        if (b != '\n' && !(b == '\r' && _offset + 1 < _text.Length && _text[_offset + 1] == '\n'))
        {
            throw Error($"{Found()} is not allowed in a comment");
        }
    }

    /// <summary>LF or CRLF; anything else is an error that starts with <paramref name="expectation"/>.</summary>
    private void ReadNewline(string expectation)
    {
        if (Rest.StartsWith("\n"u8))
        {
            StartLine(_offset + 1);
        }
        else if (Rest.StartsWith("\r\n"u8))
        {
            StartLine(_offset + 2);
        }
        else if (Rest.StartsWith("\r"u8))
        {
            throw Error("a carriage return must be followed by a line feed");
        }
        else
        {
            throw Error($"{expectation}, found {Found()}");
        }
    }

    /// <summary>Moves past a newline that ends just before <paramref name="nextLineStart"/>.</summary>
    private void StartLine(int nextLineStart)
    {
        _offset = nextLineStart;
        _line++;
        _lineStart = nextLineStart;
        _columnCacheOffset = nextLineStart;
        _columnCacheColumn = 1;
    }

    /// <summary>
    /// The position of <paramref name="offset"/>, which lies on the current line. Columns count
    /// characters, not bytes; counting resumes from the last position asked for, so a long line
    /// costs its length once, not once per value on it.
    /// </summary>
    private TomlPosition PositionAt(int offset)
    {
        int from, column;
        if (_columnCacheOffset <= offset)
        {
            (from, column) = (_columnCacheOffset, _columnCacheColumn);
        }
        else
        {
            (from, column) = (_lineStart, 1);
        }
        column += TomlSyntax.CountCharacters(_text[from..offset]);
        _columnCacheOffset = offset;
        _columnCacheColumn = column;
        return new TomlPosition(_line, column, _sourceName);
    }

    private readonly string Found() => TomlSyntax.Describe(Rest);

    private TomlException Error(string reason) => new(reason, Here);
}
