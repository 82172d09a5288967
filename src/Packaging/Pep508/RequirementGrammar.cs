using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// The requirement half of PEP 508's grammar, as packaging 26.3 parses it:
/// <code>
/// requirement = WS? name WS? extras? WS? ( "@" WS? url (WS (";" marker WS?)?)?
///                                        | specifier WS? (";" marker WS?)? ) end
/// extras      = "[" WS? (name (WS? "," WS? name)*)? WS? "]"
/// specifier   = "(" WS? clauses WS? ")" | clauses          (clauses may be empty)
/// clauses     = (clause (WS? "," WS? clause)* ","?)?
/// </code>
/// A URL runs to the next space or tab (a <c>;</c> right after it is part of it), WS is spaces
/// and tabs only, so a trailing line break is an error, and there are no comments.
/// </summary>
internal static class RequirementGrammar
{
    private static readonly string[] Operators = ["===", "==", "!=", "<=", ">=", "~=", "<", ">"];

    public static Requirement? Parse(string source, ref Pep508Cursor cursor)
    {
        cursor.SkipSpaces();
        var nameStart = cursor.Position;
        var nameLength = cursor.MatchIdentifier();
        if (nameLength == 0)
        {
            cursor.Fail(nameStart, cursor.AtEnd
                ? "expected a project name, found nothing"
                : $"expected a project name (ASCII letters, digits, '.', '-', '_', starting with a letter or digit), found {cursor.Describe(nameStart)}");
            return null;
        }
        cursor.Position += nameLength;
        var name = nameLength == source.Length ? source : source.Substring(nameStart, nameLength);
        cursor.SkipSpaces();

        List<string>? extras = null;
        if (cursor.Peek('[') && !TryParseExtras(source, ref cursor, out extras))
        {
            return null;
        }
        cursor.SkipSpaces();

        string? url = null;
        var specifier = SpecifierSet.Empty;
        Marker? marker = null;
        if (cursor.TryRead('@'))
        {
            cursor.SkipSpaces();
            var urlStart = cursor.Position;
            while (!cursor.AtEnd && !cursor.PeekSpace)
            {
                cursor.Position++;
            }
            if (cursor.Position == urlStart)
            {
                cursor.Fail(urlStart, "expected a URL after '@'");
                return null;
            }
            url = source[urlStart..cursor.Position];
            cursor.SkipSpaces();
            if (!cursor.AtEnd && !cursor.Peek(';'))
            {
                cursor.Fail(cursor.Position, $"expected ';' and a marker after the URL, found {cursor.Describe(cursor.Position)}");
                return null;
            }
            if (!cursor.AtEnd && !TryParseMarker(ref cursor, out marker))
            {
                return null;
            }
        }
        else
        {
            if (!TryParseSpecifier(ref cursor, out specifier))
            {
                return null;
            }
            cursor.SkipSpaces();
            if (!cursor.AtEnd && !cursor.Peek(';'))
            {
                cursor.Fail(cursor.Position, ExpectedAfterSpecifier(ref cursor, nameStart, specifier.Count > 0, extras is not null));
                return null;
            }
            if (!cursor.AtEnd && !TryParseMarker(ref cursor, out marker))
            {
                return null;
            }
        }

        if (!cursor.AtEnd)
        {
            // Only a marker stops before the end without failing.
            MarkerGrammar.ExpectedJunction(ref cursor);
            return null;
        }
        return new Requirement(name, Names(extras, out var extrasAsWritten), extrasAsWritten, specifier, url, marker);
    }

    /// <summary>The <c>; marker</c> part, at the <c>;</c>.</summary>
    private static bool TryParseMarker(ref Pep508Cursor cursor, out Marker? marker)
    {
        marker = null;
        cursor.Position++;
        var expression = MarkerGrammar.Parse(ref cursor, depth: 0);
        if (expression is null)
        {
            return false;
        }
        cursor.SkipSpaces();
        marker = new Marker(expression);
        return true;
    }

    private static bool TryParseExtras(string source, ref Pep508Cursor cursor, out List<string>? extras)
    {
        var open = cursor.Position;
        cursor.Position++;
        cursor.SkipSpaces();
        extras = [];
        var length = cursor.MatchIdentifier();
        if (length > 0)
        {
            extras.Add(source.Substring(cursor.Position, length));
            cursor.Position += length;
            while (true)
            {
                cursor.SkipSpaces();
                if (cursor.MatchIdentifier() > 0)
                {
                    return cursor.Fail(cursor.Position, "expected ',' between extra names");
                }
                if (!cursor.TryRead(','))
                {
                    break;
                }
                cursor.SkipSpaces();
                length = cursor.MatchIdentifier();
                if (length == 0)
                {
                    return cursor.Fail(cursor.Position, $"expected an extra name after ',', found {cursor.Describe(cursor.Position)}");
                }
                extras.Add(source.Substring(cursor.Position, length));
                cursor.Position += length;
            }
        }
        cursor.SkipSpaces();
        if (!cursor.TryRead(']'))
        {
            return cursor.Fail(cursor.Position, extras.Count == 0
                ? $"expected an extra name or ']' after the '[' at column {open + 1}, found {cursor.Describe(cursor.Position)}"
                : $"expected ',' or ']' to close the '[' at column {open + 1}, found {cursor.Describe(cursor.Position)}");
        }
        return true;
    }

    /// <summary>Version clauses, possibly in parentheses, possibly none; validity is PEP 440's.</summary>
    private static bool TryParseSpecifier(ref Pep508Cursor cursor, out SpecifierSet specifier)
    {
        specifier = SpecifierSet.Empty;
        var open = cursor.Peek('(') ? cursor.Position : -1;
        if (open >= 0)
        {
            cursor.Position++;
        }
        cursor.SkipSpaces();
        var start = cursor.Position;
        var end = start;
        while (SpecifierToken.Match(cursor.Text[cursor.Position..]) is var length and > 0)
        {
            var clauseStart = cursor.Position;
            cursor.Position += length;
            var rest = cursor.Text[cursor.Position..];
            if (SpecifierToken.IsPrefixTrail(rest))
            {
                var clause = cursor.Text[clauseStart..];
                return cursor.Fail(cursor.Position, clause.StartsWith("!=") || (clause.StartsWith("==") && !clause.StartsWith("==="))
                    ? "'.*' can only follow a plain release such as '==1.2.*', not a pre-, post-, dev or local release"
                    : "'.*' can only be used with '==' and '!='");
            }
            if (SpecifierToken.IsLocalLabelTrail(rest))
            {
                return cursor.Fail(cursor.Position, "a local version label ('+…') can only be used with '==' and '!='");
            }
            end = cursor.Position;
            cursor.SkipSpaces();
            if (!cursor.TryRead(','))
            {
                break;
            }
            end = cursor.Position;
            cursor.SkipSpaces();
        }
        if (end > start)
        {
            if (!SpecifierSet.TryParse(cursor.Text[start..end], out var parsed, out var error))
            {
                return cursor.Fail(start + error.Column, error.Message);
            }
            specifier = parsed;
        }
        if (open >= 0)
        {
            if (!cursor.TryRead(')'))
            {
                return cursor.Fail(cursor.Position, $"expected ')' to close the '(' at column {open + 1}, found {cursor.Describe(cursor.Position)}");
            }
        }
        return true;
    }

    /// <summary>The message for what follows a name or specifier that is neither ';' nor the end.</summary>
    private static string ExpectedAfterSpecifier(ref Pep508Cursor cursor, int nameStart, bool hasSpecifier, bool hasExtras)
    {
        var at = cursor.Position;
        var rest = cursor.Text[at..];
        var before = cursor.Excerpt(nameStart, at);
        if (rest[0] == '#')
        {
            return "comments are not part of a requirement; remove the '#' and what follows";
        }
        if (rest[0] is '\n' or '\r')
        {
            return "a requirement cannot contain a line break";
        }
        if (hasSpecifier)
        {
            return $"expected ',' or ';' after '{before}', found {cursor.Describe(at)}";
        }
        foreach (var op in Operators)
        {
            if (rest.StartsWith(op, StringComparison.Ordinal))
            {
                return op == "~=" && rest.Length > 2 && char.IsAsciiDigit(rest[2])
                    ? "'~=' needs a version with at least two parts, such as '~=1.4'"
                    : $"expected a version after '{op}'";
            }
        }
        if (rest[0] == '=')
        {
            return "'=' is not a version operator; write '=='";
        }
        if (char.IsAsciiDigit(rest[0]))
        {
            return $"expected a version operator (==, >=, …) before the version in '{cursor.Excerpt(nameStart, cursor.Text.Length)}'";
        }
        return hasExtras
            ? $"expected a version specifier, '@' or ';' after '{before}', found {cursor.Describe(at)}"
            : $"expected a version specifier, '[', '@' or ';' after '{before}', found {cursor.Describe(at)}";
    }

    private static ExtraName[] Names(List<string>? extras, out string[] asWritten)
    {
        if (extras is null || extras.Count == 0)
        {
            asWritten = [];
            return [];
        }
        asWritten = Distinct([.. extras], StringComparer.Ordinal);
        var names = new ExtraName[asWritten.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = ExtraName.TryParse(asWritten[i], out var name) ? name : ExtraName.FromParsedSpelling(asWritten[i]);
        }
        return Distinct(names, Comparer<ExtraName>.Default);
    }

    /// <summary>Sorts <paramref name="items"/> in place and returns them without repeats (the same array when there are none).</summary>
    private static T[] Distinct<T>(T[] items, IComparer<T> comparer)
    {
        if (items.Length < 2)
        {
            return items;
        }
        Array.Sort(items, comparer);
        var count = 1;
        for (var i = 1; i < items.Length; i++)
        {
            if (comparer.Compare(items[i], items[count - 1]) != 0)
            {
                items[count++] = items[i];
            }
        }
        return count == items.Length ? items : items[..count];
    }
}
