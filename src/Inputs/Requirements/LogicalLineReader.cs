using System.Text;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// pip 23.2.1's <c>preprocess</c> over decoded text: lines split as <c>str.splitlines</c>; a line
/// ending in <c>\</c> joins the next (after <c>strip("\\")</c>, so backslashes at both ends go), except
/// a comment line, which ends a continuation instead; then comments (<c>#</c> at the start or after
/// whitespace, to the end) are cut, whitespace stripped, empty lines dropped and <c>${VAR}</c> expanded.
/// </summary>
internal sealed class LogicalLineReader
{
    private readonly ReadOnlyMemory<char> _content;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _joined = new();
    private readonly List<LinePositionMap.Segment> _segments = [];
    private int _position;
    private int _lineNumber;

    public LogicalLineReader(ReadOnlyMemory<char> content, IReadOnlyDictionary<string, string> environment)
    {
        _content = content;
        _environment = environment;
    }

    public bool TryRead(out LogicalLine line)
    {
        StringBuilder? pending = null;
        var primary = 0;
        while (_position < _content.Length)
        {
            var start = _position;
            PythonLines.NextBreak(_content.Span, start, out var end, out _position);
            _lineNumber++;
            var physical = _content.Span.Slice(start, end - start);
            var isComment = IsCommentLine(physical);
            if (!physical.EndsWith('\\') || isComment)
            {
                if (pending is not null)
                {
                    _segments.Add(new LinePositionMap.Segment(pending.Length, _lineNumber, isComment ? 0 : 1));
                    if (isComment)
                    {
                        pending.Append(' ');
                    }
                    pending.Append(physical);
                    if (TryFinishJoined(pending.ToString(), primary, out line))
                    {
                        return true;
                    }
                    pending = null;
                }
                else if (!isComment && TryFinishSingle(physical, _lineNumber, out line))
                {
                    return true;
                }
                continue;
            }
            if (pending is null)
            {
                pending = _joined.Clear();
                _segments.Clear();
                primary = _lineNumber;
            }
            var leadingBackslashes = physical.Length - physical.TrimStart('\\').Length;
            _segments.Add(new LinePositionMap.Segment(pending.Length, _lineNumber, leadingBackslashes + 1));
            pending.Append(physical.Trim('\\'));
        }
        if (pending is not null && TryFinishJoined(pending.ToString(), primary, out line))
        {
            return true;
        }
        line = default;
        return false;
    }

    private bool TryFinishSingle(ReadOnlySpan<char> physical, int number, out LogicalLine line)
    {
        var cut = CommentStart(physical);
        var start = PythonWhitespace.SkipLeading(physical[..cut]);
        var end = PythonWhitespace.TrimTrailing(physical[..cut], start);
        if (end == start)
        {
            line = default;
            return false;
        }
        var text = new string(physical[start..end]);
        var expanded = EnvironmentExpander.Expand(text, _environment, out var expansions);
        line = expansions is null
            ? new LogicalLine(text, number, start + 1)
            : new LogicalLine(expanded, number, new LinePositionMap([new LinePositionMap.Segment(0, number, 1)], start, expansions));
        return true;
    }

    private bool TryFinishJoined(string joined, int number, out LogicalLine line)
    {
        var span = joined.AsSpan();
        var cut = CommentStart(span);
        var start = PythonWhitespace.SkipLeading(span[..cut]);
        var end = PythonWhitespace.TrimTrailing(span[..cut], start);
        if (end == start)
        {
            line = default;
            return false;
        }
        var text = start == 0 && end == joined.Length ? joined : joined[start..end];
        var expanded = EnvironmentExpander.Expand(text, _environment, out var expansions);
        line = new LogicalLine(expanded, number, new LinePositionMap([.. _segments], start, expansions ?? []));
        return true;
    }

    /// <summary>pip's <c>COMMENT_RE.match</c>: <c>#</c> at the start, or after leading whitespace.</summary>
    private static bool IsCommentLine(ReadOnlySpan<char> line)
    {
        var first = PythonWhitespace.SkipLeading(line);
        return first < line.Length && line[first] == '#';
    }

    /// <summary>Where pip's <c>COMMENT_RE.sub</c> cuts: the whitespace before the first <c>#</c> that starts the line or follows whitespace.</summary>
    private static int CommentStart(ReadOnlySpan<char> line)
    {
        var from = 0;
        while (true)
        {
            var hash = line[from..].IndexOf('#');
            if (hash < 0)
            {
                return line.Length;
            }
            hash += from;
            if (hash == 0)
            {
                return 0;
            }
            if (PythonWhitespace.Is(line[hash - 1]))
            {
                var cut = hash - 1;
                while (cut > 0 && PythonWhitespace.Is(line[cut - 1]))
                {
                    cut--;
                }
                return cut;
            }
            from = hash + 1;
        }
    }
}
