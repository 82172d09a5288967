using System.Text;

namespace Req2Nix.PyPI.Credentials;

/// <summary>One token of a .netrc text and where it starts (one-based).</summary>
internal readonly record struct NetrcToken(string Text, int Line, int Column);

/// <summary>Splits a .netrc text into tokens, tracking lines and columns.</summary>
internal sealed class NetrcLexer
{
    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private NetrcToken? _peeked;

    public NetrcLexer(string text) => _text = text;

    public NetrcToken? Peek() => _peeked ??= Read();

    public NetrcToken? Next()
    {
        if (_peeked is { } peeked)
        {
            _peeked = null;
            return peeked;
        }
        return Read();
    }

    /// <summary>Skips a <c>macdef</c> body: everything up to and including the next blank line.</summary>
    public void SkipMacroBody()
    {
        _peeked = null;
        SkipToLineEnd();
        if (_position < _text.Length)
        {
            _position++;
            NewLine();
        }
        while (_position < _text.Length)
        {
            var lineEnd = _text.IndexOf('\n', _position);
            var line = lineEnd < 0 ? _text.AsSpan(_position) : _text.AsSpan(_position, lineEnd - _position);
            _position = lineEnd < 0 ? _text.Length : lineEnd + 1;
            NewLine();
            if (line.Trim().IsEmpty)
            {
                return;
            }
        }
    }

    public static NetrcFormatException Error(string reason, NetrcToken at) => new(reason, at.Line, at.Column);

    private NetrcToken? Read()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _position++;
                NewLine();
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '#' && IsFirstOnLine())
            {
                SkipToLineEnd();
            }
            else
            {
                return c == '"' ? ReadQuoted() : ReadBare();
            }
        }
        return null;
    }

    private NetrcToken ReadBare()
    {
        var start = _position;
        while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
        return new NetrcToken(_text[start.._position], _line, start - _lineStart + 1);
    }

    private NetrcToken ReadQuoted()
    {
        var start = _position;
        var line = _line;
        _position++;
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return new NetrcToken(value.ToString(), line, start - _lineStart + 1);
            }
            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }
            if (c == '\n')
            {
                NewLine();
            }
            value.Append(c);
        }
        throw new NetrcFormatException("a quoted token is not closed", line, start - _lineStart + 1);
    }

    private bool IsFirstOnLine() => _text.AsSpan(_lineStart, _position - _lineStart).Trim().IsEmpty;

    private void SkipToLineEnd()
    {
        var end = _text.IndexOf('\n', _position);
        _position = end < 0 ? _text.Length : end;
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }
}
