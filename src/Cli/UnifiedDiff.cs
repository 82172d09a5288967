using System.Text;

namespace Req2Nix.Cli;

/// <summary>
/// A unified diff of two texts by lines (Myers' algorithm after trimming the common prefix and
/// suffix), as <c>diff -u</c> prints it, for <c>--check</c> to show what went stale.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Past this many differing lines the middle is shown as one replacement: still a correct diff, just not a minimal one.</summary>
    private const int MaxEditDistance = 4000;

    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var edits = Compare(oldLines, newLines);
        if (edits.TrueForAll(e => e.Kind == EditKind.Keep))
        {
            return "";
        }
        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        WriteHunks(edits, oldLines, newLines, output);
        return output.ToString();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private enum EditKind
    {
        Keep,
        Delete,
        Insert,
    }

    /// <summary>One line of the edit script: kept (both indexes), deleted (old index) or inserted (new index).</summary>
    private readonly record struct Edit(EditKind Kind, int OldIndex, int NewIndex);

    private static List<Edit> Compare(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var edits = new List<Edit>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(EditKind.Keep, i, i));
        }
        MiddleEdits(a, b, prefix, a.Length - suffix, prefix, b.Length - suffix, edits);
        for (var i = 0; i < suffix; i++)
        {
            edits.Add(new Edit(EditKind.Keep, a.Length - suffix + i, b.Length - suffix + i));
        }
        return edits;
    }

    private static void MiddleEdits(string[] a, string[] b, int aStart, int aEnd, int bStart, int bEnd, List<Edit> edits)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        var max = Math.Min(n + m, MaxEditDistance);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0)
        {
            ReplaceAll(aStart, aEnd, bStart, bEnd, edits);
            return;
        }
        var script = new List<Edit>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var previous = trace[d];
            var k = cx - cy;
            var prevK = k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = previous[offset + prevK];
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY)
            {
                cx--;
                cy--;
                script.Add(new Edit(EditKind.Keep, aStart + cx, bStart + cy));
            }
            if (cx == prevX)
            {
                cy--;
                script.Add(new Edit(EditKind.Insert, aStart + cx, bStart + cy));
            }
            else
            {
                cx--;
                script.Add(new Edit(EditKind.Delete, aStart + cx, bStart + cy));
            }
        }
        while (cx > 0 && cy > 0)
        {
            cx--;
            cy--;
            script.Add(new Edit(EditKind.Keep, aStart + cx, bStart + cy));
        }
        script.Reverse();
        edits.AddRange(script);
    }

    private static void ReplaceAll(int aStart, int aEnd, int bStart, int bEnd, List<Edit> edits)
    {
        for (var i = aStart; i < aEnd; i++)
        {
            edits.Add(new Edit(EditKind.Delete, i, bStart));
        }
        for (var j = bStart; j < bEnd; j++)
        {
            edits.Add(new Edit(EditKind.Insert, aEnd, j));
        }
    }

    private static void WriteHunks(List<Edit> edits, string[] a, string[] b, StringBuilder output)
    {
        var index = 0;
        while (index < edits.Count)
        {
            while (index < edits.Count && edits[index].Kind == EditKind.Keep)
            {
                index++;
            }
            if (index == edits.Count)
            {
                return;
            }
            var start = Math.Max(0, index - Context);
            var end = index;
            // Extend the hunk while the next change is close enough to share context.
            while (end < edits.Count)
            {
                if (edits[end].Kind != EditKind.Keep)
                {
                    end++;
                    continue;
                }
                var run = end;
                while (run < edits.Count && edits[run].Kind == EditKind.Keep)
                {
                    run++;
                }
                if (run == edits.Count || run - end > 2 * Context)
                {
                    end = Math.Min(run, end + Context);
                    break;
                }
                end = run;
            }
            WriteHunk(edits, start, end, a, b, output);
            index = end;
        }
    }

    private static void WriteHunk(List<Edit> edits, int start, int end, string[] a, string[] b, StringBuilder output)
    {
        int oldCount = 0, newCount = 0;
        for (var i = start; i < end; i++)
        {
            if (edits[i].Kind != EditKind.Insert)
            {
                oldCount++;
            }
            if (edits[i].Kind != EditKind.Delete)
            {
                newCount++;
            }
        }
        var oldStart = edits[start].OldIndex + (oldCount == 0 ? 0 : 1);
        var newStart = edits[start].NewIndex + (newCount == 0 ? 0 : 1);
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var edit = edits[i];
            switch (edit.Kind)
            {
                case EditKind.Keep:
                    output.Append(' ').Append(a[edit.OldIndex]).Append('\n');
                    break;
                case EditKind.Delete:
                    output.Append('-').Append(a[edit.OldIndex]).Append('\n');
                    break;
                default:
                    output.Append('+').Append(b[edit.NewIndex]).Append('\n');
                    break;
            }
        }
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";
}
