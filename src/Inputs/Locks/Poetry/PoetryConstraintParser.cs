using System.Globalization;
using System.Text;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Reads Poetry's constraint syntax the way poetry-core's <c>parse_constraint</c> does: <c>||</c>
/// (or <c>|</c>) separates alternatives; commas or spaces separate the clauses of one alternative
/// (a space after an operator does not); each clause is one of <c>*</c>/<c>x</c>, <c>~V</c>,
/// <c>~=V</c>, <c>^V</c>, <c>V.*</c> / <c>==V.*</c> / <c>!=V.*</c>, or an operator
/// (<c>&lt; &lt;= &gt; &gt;= == = != &lt;&gt;</c>, none meaning <c>==</c>) with a version.
/// </summary>
internal static class PoetryConstraintParser
{
    private const string OperatorCharacters = "<>=!~^";

    public static PoetryConstraint Parse(string text)
    {
        if (text == "*")
        {
            return PoetryConstraint.Any;
        }
        var alternatives = new List<SpecifierSet>();
        foreach (var (start, length) in SplitAlternatives(text))
        {
            foreach (var clauses in ParseAlternative(text, start, length))
            {
                alternatives.Add(new SpecifierSet(clauses));
            }
        }
        return new PoetryConstraint(text, alternatives);
    }

    /// <summary>The alternatives' spans, without the surrounding whitespace and the <c>|</c>/<c>||</c> between them.</summary>
    private static List<(int Start, int Length)> SplitAlternatives(string text)
    {
        var parts = new List<(int, int)>();
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        var partStart = start;
        for (var i = start; i < end; i++)
        {
            if (text[i] != '|')
            {
                continue;
            }
            var partEnd = i;
            while (partEnd > partStart && char.IsWhiteSpace(text[partEnd - 1]))
            {
                partEnd--;
            }
            parts.Add((partStart, partEnd - partStart));
            if (i + 1 < end && text[i + 1] == '|')
            {
                i++;
            }
            partStart = i + 1;
            while (partStart < end && char.IsWhiteSpace(text[partStart]))
            {
                partStart++;
            }
            i = partStart - 1;
        }
        parts.Add((partStart, end - partStart));
        return parts;
    }

    /// <summary>One alternative's clauses; a clause such as <c>!=1.0a1.*</c> may itself split it in two.</summary>
    private static List<List<VersionSpecifier>> ParseAlternative(string text, int start, int length)
    {
        var end = start + length;
        // Trailing commas are tolerated, as poetry-core does for constraints seen in the wild.
        while (end > start && (text[end - 1] == ',' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }
        var combinations = new List<List<VersionSpecifier>> { new() };
        var tokens = Tokens(text, start, end);
        if (tokens.Count == 0)
        {
            throw new PoetryConstraintException("expected a version constraint", start + 1);
        }
        foreach (var (token, column) in tokens)
        {
            var options = ParseClause(token, column);
            if (options.Count == 1)
            {
                foreach (var combination in combinations)
                {
                    combination.AddRange(options[0]);
                }
                continue;
            }
            var expanded = new List<List<VersionSpecifier>>();
            foreach (var combination in combinations)
            {
                foreach (var option in options)
                {
                    expanded.Add([.. combination, .. option]);
                }
            }
            combinations = expanded;
        }
        return combinations;
    }

    /// <summary>Splits at commas and spaces; an operator standing alone joins the token after it (<c>&gt;= 1.0</c>).</summary>
    private static List<(string Token, int Column)> Tokens(string text, int start, int end)
    {
        var tokens = new List<(string, int)>();
        string? pendingOperator = null;
        var pendingColumn = 0;
        var i = start;
        while (i < end)
        {
            if (text[i] is ',' or ' ')
            {
                i++;
                continue;
            }
            var tokenStart = i;
            while (i < end && text[i] is not (',' or ' '))
            {
                i++;
            }
            var token = text[tokenStart..i];
            if (pendingOperator is not null)
            {
                tokens.Add((pendingOperator + token, pendingColumn));
                pendingOperator = null;
            }
            else if (token.AsSpan().TrimStart(OperatorCharacters).IsEmpty)
            {
                pendingOperator = token;
                pendingColumn = tokenStart + 1;
            }
            else
            {
                tokens.Add((token, tokenStart + 1));
            }
        }
        if (pendingOperator is not null)
        {
            throw new PoetryConstraintException($"'{pendingOperator}' needs a version after it", pendingColumn);
        }
        return tokens;
    }

    /// <summary>One clause as PEP 440 specifiers: usually one option; two for an excluded pre-release series.</summary>
    private static List<List<VersionSpecifier>> ParseClause(string token, int column)
    {
        if (IsAnyVersion(token))
        {
            return [[]];
        }
        if (token.StartsWith("~=", StringComparison.Ordinal))
        {
            var version = ReadVersion(token, 2, column);
            return [[Clause(">=", version, column), Clause("<", PoetryVersion.CompatibleUpperBound(version), column)]];
        }
        if (token[0] == '~')
        {
            var version = ReadVersion(token, 1, column);
            return [[Clause(">=", version, column), Clause("<", PoetryVersion.TildeUpperBound(version), column)]];
        }
        if (token[0] == '^')
        {
            var version = ReadVersion(token, 1, column);
            return [[Clause(">=", version, column), Clause("<", PoetryVersion.NextBreaking(version), column)]];
        }
        return ParseComparison(token, column);
    }

    /// <summary><c>*</c>, <c>x</c>, <c>X</c>, <c>v*</c>, <c>*.*</c> and the like.</summary>
    private static bool IsAnyVersion(string token)
    {
        var i = token[0] is 'v' or 'V' ? 1 : 0;
        if (i >= token.Length || token[i] is not ('x' or 'X' or '*'))
        {
            return false;
        }
        for (i++; i < token.Length; i += 2)
        {
            if (token[i] != '.' || i + 1 >= token.Length || token[i + 1] is not ('x' or 'X' or '*'))
            {
                return false;
            }
        }
        return true;
    }

    private static List<List<VersionSpecifier>> ParseComparison(string token, int column)
    {
        var op = LeadingOperator(token);
        var versionStart = op.Length;
        while (versionStart < token.Length && char.IsWhiteSpace(token[versionStart]))
        {
            versionStart++;
        }
        var versionEnd = token.Length;
        var wildcard = false;
        // A release followed by any number of '.*' (poetry's X-range), or one '.*' after any version.
        while (versionEnd - versionStart > 2 && token.AsSpan(versionStart, versionEnd - versionStart).EndsWith(".*"))
        {
            versionEnd -= 2;
            if (wildcard && !IsShortRelease(token.AsSpan(versionStart, versionEnd - versionStart)))
            {
                throw new PoetryConstraintException($"could not parse version constraint '{token}'", column);
            }
            wildcard = true;
        }
        var versionText = token[versionStart..versionEnd];
        if (versionText.Equals("dev", StringComparison.OrdinalIgnoreCase))
        {
            versionText = "0.0.dev0";
        }
        var version = ParseVersion(versionText, token, column + versionStart);
        return op switch
        {
            "<" or "<=" or ">" or ">=" => [[Clause(op, version, column)]],
            "!=" when wildcard => ExcludeSeries(version, column),
            "!=" => [[Clause("!=", version, column)]],
            // '<>' is read as poetry-core reads it: the version itself.
            _ when wildcard => [IncludeSeries(version, column)],
            _ => [[Clause("==", version, column)]],
        };
    }

    private static string LeadingOperator(string token)
    {
        foreach (var op in (ReadOnlySpan<string>)["<>", "!=", ">=", "<=", "==", ">", "<", "="])
        {
            if (token.StartsWith(op, StringComparison.Ordinal))
            {
                return op;
            }
        }
        return string.Empty;
    }

    /// <summary>Up to three release numbers, optionally after a <c>v</c>: what poetry-core allows before a repeated <c>.*</c>.</summary>
    private static bool IsShortRelease(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is 'v')
        {
            text = text[1..];
        }
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (part.IsEmpty || part.ContainsAnyExceptInRange('0', '9') || ++parts > 3)
            {
                return false;
            }
        }
        return parts > 0;
    }

    private static List<VersionSpecifier> IncludeSeries(Pep440Version version, int column)
    {
        if (PoetryVersion.IsPlainRelease(version))
        {
            return [Specifier("==" + ReleaseText(version) + ".*", column)];
        }
        var (low, high) = PoetryVersion.WildcardRange(version);
        return [Clause(">=", low, column), Clause("<", high, column)];
    }

    private static List<List<VersionSpecifier>> ExcludeSeries(Pep440Version version, int column)
    {
        if (PoetryVersion.IsPlainRelease(version))
        {
            return [[Specifier("!=" + ReleaseText(version) + ".*", column)]];
        }
        var (low, high) = PoetryVersion.WildcardRange(version);
        return [[Clause("<", low, column)], [Clause(">=", high, column)]];
    }

    private static Pep440Version ReadVersion(string token, int start, int column)
    {
        while (start < token.Length && char.IsWhiteSpace(token[start]))
        {
            start++;
        }
        return ParseVersion(token[start..], token, column + start);
    }

    private static Pep440Version ParseVersion(string versionText, string token, int column) =>
        versionText.Length > 0 && !char.IsWhiteSpace(versionText[^1]) && Pep440Version.TryParse(versionText, out var version)
            ? version
            : throw new PoetryConstraintException(
                versionText.Length == 0
                    ? $"'{token}' has no version"
                    : $"'{versionText}' in '{token}' is not a valid version",
                column);

    private static VersionSpecifier Clause(string op, Pep440Version version, int column) => Specifier(op + version, column);

    private static VersionSpecifier Specifier(string text, int column)
    {
        try
        {
            return VersionSpecifier.Parse(text);
        }
        catch (Pep440FormatException error)
        {
            throw new PoetryConstraintException($"'{text}' has no PEP 440 equivalent: {error.Reason}", column);
        }
    }

    private static string ReleaseText(Pep440Version version)
    {
        var text = new StringBuilder();
        if (version.Epoch != 0)
        {
            text.Append(version.Epoch.ToString(CultureInfo.InvariantCulture)).Append('!');
        }
        var release = version.Release;
        for (var i = 0; i < release.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ".").Append(release[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
