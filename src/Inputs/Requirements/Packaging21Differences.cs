using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Where packaging 21.3 (vendored by pip 23.2.1) and the PEP 508 parser here (packaging 26.3's
/// grammar) disagree on a requirement. 21.3 rejects a trailing <c>,</c> after the version clauses and
/// empty parentheses, which 26.3 allows; 21.3 accepts legacy versions (<c>==1.0-custom</c>,
/// <c>&gt;=1.0.*</c>), which 26.3 rejects and req2nix cannot order, so they stay errors with a message that says why.
/// 21.3's identifiers (names and extras) end with a letter or digit; 26.3's also with <c>_</c>.
/// </summary>
internal static class Packaging21Differences
{
    /// <summary>Why packaging 21.3 rejects <paramref name="text"/>, which parsed here as <paramref name="parsed"/>; null when it accepts it.</summary>
    public static string? Rejection(string text, Requirement parsed)
    {
        if (parsed.Name.EndsWith('_'))
        {
            return $"the name '{parsed.Name}' ends with '_' (pip 23.2.1 rejects it: a name ends with a letter or digit)";
        }
        foreach (var extra in parsed.ExtrasAsWritten)
        {
            if (extra.EndsWith('_'))
            {
                return $"the extra '{extra}' ends with '_' (pip 23.2.1 rejects it: an extra ends with a letter or digit)";
            }
        }
        if (parsed.Url is not null)
        {
            return null;
        }
        var region = SpecifierRegion(text, parsed.Name).Trim();
        if (region.StartsWith('(') && region.EndsWith(')'))
        {
            var inner = region[1..^1].Trim();
            if (inner.Length == 0)
            {
                return "empty parentheses where version clauses belong (pip 23.2.1 rejects them)";
            }
            region = inner;
        }
        return region.EndsWith(',') ? "a ',' after the last version clause (pip 23.2.1 rejects it)" : null;
    }

    /// <summary>When <paramref name="text"/> failed to parse: whether its clauses are legacy versions that packaging 21.3 accepted, and a message saying so.</summary>
    public static string? LegacyClauses(string text)
    {
        var nameEnd = 0;
        while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] is '.' or '-' or '_'))
        {
            nameEnd++;
        }
        if (nameEnd == 0)
        {
            return null;
        }
        var region = SpecifierRegion(text, text[..nameEnd]).Trim();
        if (region.StartsWith('(') && region.EndsWith(')'))
        {
            region = region[1..^1];
        }
        // Clauses that are PEP 440 are not why the text failed to parse (the error is before them).
        if (region.Length == 0 || SpecifierSet.TryParse(region, out _, out _))
        {
            return null;
        }
        foreach (var clause in region.Split(','))
        {
            if (!IsLegacyClause(clause.Trim()))
            {
                return null;
            }
        }
        return $"'{region.Trim()}' is not a PEP 440 version specifier; pip 23.2.1 still accepts it as a deprecated legacy version, but req2nix resolves PEP 440 versions only";
    }

    /// <summary>packaging 21.3's <c>LegacySpecifier</c>: <c>(==|!=|&lt;=|&gt;=|&lt;|&gt;)\s*[^,;\s)]*</c>.</summary>
    private static bool IsLegacyClause(string clause)
    {
        var length = clause.StartsWith("==", StringComparison.Ordinal) || clause.StartsWith("!=", StringComparison.Ordinal)
            || clause.StartsWith("<=", StringComparison.Ordinal) || clause.StartsWith(">=", StringComparison.Ordinal) ? 2
            : clause.StartsWith('<') || clause.StartsWith('>') ? 1 : 0;
        if (length == 0)
        {
            return false;
        }
        var version = clause[length..].TrimStart();
        return version.AsSpan().IndexOfAny(";)") < 0 && PythonWhitespace.IndexOf(version) < 0;
    }

    /// <summary>The text after the name and the extras, up to a <c>;</c>.</summary>
    private static string SpecifierRegion(string text, string name)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        var i = start < 0 ? 0 : start + name.Length;
        while (i < text.Length && PythonWhitespace.Is(text[i]))
        {
            i++;
        }
        if (i < text.Length && text[i] == '[')
        {
            var close = text.IndexOf(']', i);
            i = close < 0 ? text.Length : close + 1;
        }
        var semicolon = text.IndexOf(';', i);
        return semicolon < 0 ? text[i..] : text[i..semicolon];
    }
}
