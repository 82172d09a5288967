using System.Text;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// pip's <c>${VAR}</c> expansion: only that form, only names of <c>[A-Z0-9_]</c>; a variable that is
/// unset or empty leaves the reference as written. As in pip, the references are found in the line
/// first and then each is replaced everywhere in turn.
/// </summary>
internal static class EnvironmentExpander
{
    /// <summary>
    /// Expands <paramref name="line"/>; <paramref name="expansions"/> says where values went, or is null
    /// when nothing was replaced (the line is then returned unchanged).
    /// </summary>
    public static string Expand(string line, IReadOnlyDictionary<string, string> environment, out LinePositionMap.Expansion[]? expansions)
    {
        expansions = null;
        if (environment.Count == 0 || !line.Contains("${", StringComparison.Ordinal))
        {
            return line;
        }
        var references = FindReferences(line);
        if (references.Count == 0)
        {
            return line;
        }

        var sequential = line;
        foreach (var (start, length) in references)
        {
            var name = line.Substring(start + 2, length - 3);
            if (environment.TryGetValue(name, out var value) && value.Length > 0)
            {
                sequential = sequential.Replace(line.Substring(start, length), value, StringComparison.Ordinal);
            }
        }
        if (ReferenceEquals(sequential, line) || sequential == line)
        {
            return line;
        }

        // One pass left to right gives the same text unless a value builds a new reference; then
        // positions after the first replacement cannot be traced and point at it.
        var builder = new StringBuilder(line.Length + 16);
        var traced = new List<LinePositionMap.Expansion>();
        var copied = 0;
        foreach (var (start, length) in references)
        {
            if (!environment.TryGetValue(line.Substring(start + 2, length - 3), out var value) || value.Length == 0)
            {
                continue;
            }
            builder.Append(line, copied, start - copied);
            traced.Add(new LinePositionMap.Expansion(builder.Length, value.Length, length));
            builder.Append(value);
            copied = start + length;
        }
        builder.Append(line, copied, line.Length - copied);
        expansions = builder.Equals(sequential.AsSpan())
            ? [.. traced]
            : [new LinePositionMap.Expansion(traced[0].ExpandedStart, 0, 0, Opaque: true)];
        return sequential;
    }

    /// <summary>Non-overlapping matches of <c>\$\{[A-Z0-9_]+\}</c>, left to right: (start, length).</summary>
    private static List<(int Start, int Length)> FindReferences(string line)
    {
        var found = new List<(int, int)>();
        var i = 0;
        while ((i = line.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            var end = i + 2;
            while (end < line.Length && (char.IsAsciiLetterUpper(line[end]) || char.IsAsciiDigit(line[end]) || line[end] == '_'))
            {
                end++;
            }
            if (end > i + 2 && end < line.Length && line[end] == '}')
            {
                found.Add((i, end + 1 - i));
                i = end + 1;
            }
            else
            {
                i++;
            }
        }
        return found;
    }
}
