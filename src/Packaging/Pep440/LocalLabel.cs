namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// Local version labels (<c>+ubuntu.1</c>): normalization and PEP 440 ordering. Segments made only
/// of digits are numbers (unbounded, compared by value) and sort after alphanumeric segments, which
/// compare as lower-case strings; a label that is a prefix of another sorts first.
/// </summary>
internal static class LocalLabel
{
    /// <summary>Lower-cases, joins segments with <c>.</c> and drops leading zeros of numeric segments.</summary>
    /// <param name="raw">A label that matches <c>[a-z0-9]+([-_.][a-z0-9]+)*</c>, case-insensitively.</param>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        if (IsNormalized(raw))
        {
            return new string(raw);
        }
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var written = 0;
        var start = 0;
        while (start <= raw.Length)
        {
            var end = start;
            while (end < raw.Length && !IsSeparator(raw[end]))
            {
                end++;
            }
            var segment = raw[start..end];
            if (written > 0)
            {
                buffer[written++] = '.';
            }
            if (IsNumeric(segment))
            {
                var firstSignificant = 0;
                while (firstSignificant < segment.Length - 1 && segment[firstSignificant] == '0')
                {
                    firstSignificant++;
                }
                segment[firstSignificant..].CopyTo(buffer[written..]);
                written += segment.Length - firstSignificant;
            }
            else
            {
                foreach (var c in segment)
                {
                    buffer[written++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                }
            }
            start = end + 1;
        }
        return new string(buffer[..written]);
    }

    /// <summary>PEP 440 order of two normalized labels; no label sorts before any label.</summary>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }
        var a = left.AsSpan();
        var b = right.AsSpan();
        while (true)
        {
            if (a.IsEmpty || b.IsEmpty)
            {
                return a.IsEmpty ? (b.IsEmpty ? 0 : -1) : 1;
            }
            var segmentA = NextSegment(ref a);
            var segmentB = NextSegment(ref b);
            var numericA = IsNumeric(segmentA);
            var numericB = IsNumeric(segmentB);
            int order;
            if (numericA != numericB)
            {
                order = numericA ? 1 : -1;
            }
            else if (numericA)
            {
                // Normalized numbers have no leading zeros: the longer one is larger.
                order = segmentA.Length != segmentB.Length
                    ? segmentA.Length.CompareTo(segmentB.Length)
                    : segmentA.SequenceCompareTo(segmentB);
            }
            else
            {
                order = segmentA.SequenceCompareTo(segmentB);
            }
            if (order != 0)
            {
                return order < 0 ? -1 : 1;
            }
        }
    }

    private static ReadOnlySpan<char> NextSegment(ref ReadOnlySpan<char> label)
    {
        var dot = label.IndexOf('.');
        ReadOnlySpan<char> segment;
        if (dot < 0)
        {
            segment = label;
            label = default;
        }
        else
        {
            segment = label[..dot];
            label = label[(dot + 1)..];
        }
        return segment;
    }

    private static bool IsNormalized(ReadOnlySpan<char> raw)
    {
        var segmentStart = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '.')
            {
                segmentStart = true;
                continue;
            }
            if (c is '-' or '_' or (>= 'A' and <= 'Z'))
            {
                return false;
            }
            if (segmentStart && c == '0' && i + 1 < raw.Length && raw[i + 1] is >= '0' and <= '9' && IsNumeric(SegmentAt(raw, i)))
            {
                return false;
            }
            segmentStart = false;
        }
        return true;
    }

    private static ReadOnlySpan<char> SegmentAt(ReadOnlySpan<char> raw, int start)
    {
        var end = start;
        while (end < raw.Length && !IsSeparator(raw[end]))
        {
            end++;
        }
        return raw[start..end];
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '_';

    private static bool IsNumeric(ReadOnlySpan<char> segment)
    {
        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
