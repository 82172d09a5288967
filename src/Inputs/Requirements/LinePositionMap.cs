namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Where the characters of a logical line came from, for lines that are not simply one physical line
/// with leading whitespace removed: lines joined by <c>\</c> continuations, and lines whose
/// <c>${VAR}</c> references were expanded. Text inside an expanded value maps to the reference.
/// </summary>
internal sealed class LinePositionMap
{
    private readonly Segment[] _segments;
    private readonly int _strippedPrefix;
    private readonly Expansion[] _expansions;

    /// <param name="segments">Where each physical line starts in the joined text, in order.</param>
    /// <param name="strippedPrefix">How many characters of the joined text the strip removed from the front.</param>
    /// <param name="expansions">The <c>${VAR}</c> replacements, in order of their position in the expanded text.</param>
    public LinePositionMap(Segment[] segments, int strippedPrefix, Expansion[] expansions)
    {
        _segments = segments;
        _strippedPrefix = strippedPrefix;
        _expansions = expansions;
    }

    /// <summary>The physical line and 1-based column of the character at <paramref name="offset"/> in the logical line.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var joined = Unexpand(offset) + _strippedPrefix;
        var segment = _segments[0];
        foreach (var candidate in _segments)
        {
            if (candidate.JoinedOffset > joined)
            {
                break;
            }
            segment = candidate;
        }
        return (segment.Line, Math.Max(1, segment.Column + joined - segment.JoinedOffset));
    }

    private int Unexpand(int offset)
    {
        var shift = 0;
        foreach (var expansion in _expansions)
        {
            if (offset < expansion.ExpandedStart)
            {
                break;
            }
            if (expansion.Opaque || offset < expansion.ExpandedStart + expansion.ExpandedLength)
            {
                return expansion.ExpandedStart - shift;
            }
            shift += expansion.ExpandedLength - expansion.OriginalLength;
        }
        return offset - shift;
    }

    /// <summary>A physical line's text starts at <see cref="JoinedOffset"/> of the joined line, at <see cref="Column"/> (1-based; 0 for a synthetic character before it).</summary>
    public readonly record struct Segment(int JoinedOffset, int Line, int Column);

    /// <summary>
    /// A <c>${VAR}</c> of <see cref="OriginalLength"/> characters replaced by a value of
    /// <see cref="ExpandedLength"/>; <see cref="Opaque"/> when positions after it cannot be traced.
    /// </summary>
    public readonly record struct Expansion(int ExpandedStart, int ExpandedLength, int OriginalLength, bool Opaque = false);
}
