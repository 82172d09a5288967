using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// Parses version specifier clauses and comma-separated sets with the grammar of packaging 26.3's
/// <c>Specifier</c> regular expression (ASCII only), reporting the column of the first problem.
/// </summary>
internal static class SpecifierParser
{
    private const string Operators = "==, !=, <=, >=, <, >, ~=, ===";

    /// <summary>Parses one clause; <paramref name="offset"/> is added to error columns.</summary>
    public static bool TryParseClause(
        ReadOnlySpan<char> text,
        int offset,
        [NotNullWhen(true)] out VersionSpecifier? specifier,
        out SpecifierParseError error)
    {
        specifier = null;
        var start = PythonWhitespace.SkipLeading(text);
        var end = PythonWhitespace.TrimTrailing(text, start);
        if (start == end)
        {
            error = new SpecifierParseError(offset + start, "expected a version specifier such as '>=1.0'");
            return false;
        }

        if (!TryReadOperator(text[start..end], out var op, out var operatorLength))
        {
            error = new SpecifierParseError(
                offset + start,
                $"expected a comparison operator ({Operators}), found {CharacterText.Describe(text, start)}");
            return false;
        }

        var versionStart = PythonWhitespace.SkipLeading(text[..end], start + operatorLength);
        var versionText = text[versionStart..end];
        var versionOffset = offset + versionStart;

        if (op == SpecifierOperator.ArbitraryEqual)
        {
            var bad = versionText.IndexOfAny(";)");
            var space = PythonWhitespace.IndexOf(versionText);
            if (space >= 0 && (bad < 0 || space < bad))
            {
                bad = space;
            }
            if (bad >= 0)
            {
                error = new SpecifierParseError(
                    versionOffset + bad,
                    $"unexpected {CharacterText.Describe(versionText, bad)} in an arbitrary-equality ('===') version");
                return false;
            }
            var arbitraryText = new string(versionText);
            var asVersion = Pep440Version.ParseOrNull(arbitraryText);
            specifier = new VersionSpecifier(op, arbitraryText, asVersion, isPrefixMatch: false);
            error = default;
            return true;
        }

        if (versionText.IsEmpty)
        {
            error = new SpecifierParseError(versionOffset, $"expected a version after '{op.ToText()}'");
            return false;
        }

        var isPrefixMatch = versionText.EndsWith(".*");
        if (isPrefixMatch && op is not (SpecifierOperator.Equal or SpecifierOperator.NotEqual))
        {
            error = new SpecifierParseError(
                versionOffset + versionText.Length - 2,
                $"'.*' prefix matching is only allowed with '==' and '!=', not '{op.ToText()}'");
            return false;
        }

        var core = isPrefixMatch ? versionText[..^2] : versionText;
        if (!VersionParser.TryParseExact(core, out var version, out var layout, out var versionError))
        {
            error = new SpecifierParseError(versionOffset + versionError.Offset, versionError.Describe(core));
            return false;
        }

        if (isPrefixMatch && (layout.HasSuffix || layout.LocalStart >= 0))
        {
            error = new SpecifierParseError(
                versionOffset + layout.ReleaseEnd,
                "'.*' must directly follow the release numbers (no pre-, post-, dev-release or local label before it)");
            return false;
        }
        if (layout.LocalStart >= 0 && op is not (SpecifierOperator.Equal or SpecifierOperator.NotEqual))
        {
            error = new SpecifierParseError(
                versionOffset + layout.LocalStart,
                $"a local version label ('+...') is only allowed with '==' and '!=', not '{op.ToText()}'");
            return false;
        }
        if (op == SpecifierOperator.Compatible && layout.ReleaseCount < 2)
        {
            error = new SpecifierParseError(
                versionOffset + layout.ReleaseEnd,
                "'~=' needs a release with at least two numbers, such as '~=1.4'");
            return false;
        }

        specifier = new VersionSpecifier(op, new string(versionText), version, isPrefixMatch);
        error = default;
        return true;
    }

    /// <summary>
    /// Parses a comma-separated set, as packaging's <c>SpecifierSet(text)</c>: empty clauses (<c>"&gt;=1,"</c>,
    /// <c>","</c>, <c>""</c>) are skipped.
    /// </summary>
    public static bool TryParseSet(ReadOnlySpan<char> text, [NotNullWhen(true)] out SpecifierSet? set, out SpecifierParseError error)
    {
        set = null;
        var clauses = new List<VersionSpecifier>();
        var start = 0;
        while (start <= text.Length)
        {
            var comma = text[start..].IndexOf(',');
            var end = comma < 0 ? text.Length : start + comma;
            var piece = text[start..end];
            if (PythonWhitespace.SkipLeading(piece) < piece.Length)
            {
                if (!TryParseClause(piece, start, out var clause, out error))
                {
                    return false;
                }
                clauses.Add(clause);
            }
            start = end + 1;
        }
        set = clauses.Count == 0 ? SpecifierSet.Empty : new SpecifierSet(clauses.ToArray());
        error = default;
        return true;
    }

    private static bool TryReadOperator(ReadOnlySpan<char> text, out SpecifierOperator op, out int length)
    {
        (op, length) = text switch
        {
            ['=', '=', '=', ..] => (SpecifierOperator.ArbitraryEqual, 3),
            ['=', '=', ..] => (SpecifierOperator.Equal, 2),
            ['!', '=', ..] => (SpecifierOperator.NotEqual, 2),
            ['<', '=', ..] => (SpecifierOperator.LessThanOrEqual, 2),
            ['>', '=', ..] => (SpecifierOperator.GreaterThanOrEqual, 2),
            ['~', '=', ..] => (SpecifierOperator.Compatible, 2),
            ['<', ..] => (SpecifierOperator.LessThan, 1),
            ['>', ..] => (SpecifierOperator.GreaterThan, 1),
            _ => (default(SpecifierOperator), 0),
        };
        return length > 0;
    }
}
