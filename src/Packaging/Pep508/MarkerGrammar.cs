namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// The marker half of PEP 508's grammar, as packaging 26.3 parses it:
/// <code>
/// marker      = atom (("and" | "or") atom)*          ("and" binds tighter)
/// atom        = WS? ( "(" WS? marker WS? ")" | item ) WS?
/// item        = operand WS? operator WS? operand
/// operand     = variable | 'string' | "string"
/// operator    = "in" | "not" WS "in" | "===" | "==" | "~=" | "!=" | "&lt;=" | "&gt;=" | "&lt;" | "&gt;"
/// </code>
/// where WS is spaces and tabs only, and keywords and variables need Python word boundaries.
/// </summary>
internal static class MarkerGrammar
{
    /// <summary>Deeper nesting than this is refused rather than risking the stack.</summary>
    private const int MaximumDepth = 64;

    private static readonly (string Spelling, MarkerVariable Variable)[] Spellings =
    [
        ("python_version", MarkerVariable.PythonVersion),
        ("python_full_version", MarkerVariable.PythonFullVersion),
        ("python_implementation", MarkerVariable.PlatformPythonImplementation),
        ("platform_release", MarkerVariable.PlatformRelease),
        ("platform_system", MarkerVariable.PlatformSystem),
        ("platform_version", MarkerVariable.PlatformVersion),
        ("platform.version", MarkerVariable.PlatformVersion),
        ("platform_machine", MarkerVariable.PlatformMachine),
        ("platform.machine", MarkerVariable.PlatformMachine),
        ("platform_python_implementation", MarkerVariable.PlatformPythonImplementation),
        ("platform.python_implementation", MarkerVariable.PlatformPythonImplementation),
        ("os_name", MarkerVariable.OsName),
        ("os.name", MarkerVariable.OsName),
        ("sys_platform", MarkerVariable.SysPlatform),
        ("sys.platform", MarkerVariable.SysPlatform),
        ("implementation_name", MarkerVariable.ImplementationName),
        ("implementation_version", MarkerVariable.ImplementationVersion),
        ("extras", MarkerVariable.Extras),
        ("extra", MarkerVariable.Extra),
        ("dependency_groups", MarkerVariable.DependencyGroups),
    ];

    /// <summary>A whole marker: the expression, then the end of the input.</summary>
    public static MarkerExpression? ParseFull(ref Pep508Cursor cursor)
    {
        var expression = Parse(ref cursor, depth: 0);
        if (expression is null)
        {
            return null;
        }
        if (!cursor.AtEnd)
        {
            ExpectedJunction(ref cursor);
            return null;
        }
        return expression;
    }

    /// <summary>An expression: atoms joined by <c>and</c>/<c>or</c>. Stops before anything else.</summary>
    public static MarkerExpression? Parse(ref Pep508Cursor cursor, int depth)
    {
        var first = ParseAtom(ref cursor, depth);
        if (first is null)
        {
            return null;
        }
        var isAnd = PeekJunction(ref cursor);
        if (isAnd is null)
        {
            return first;
        }

        // "and" binds tighter: collect runs of and-ed atoms, then or them.
        List<MarkerExpression> alternatives = [];
        List<MarkerExpression> conjunction = [first];
        while (isAnd is not null)
        {
            cursor.Position += isAnd.Value ? 3 : 2;
            if (!isAnd.Value)
            {
                alternatives.Add(Conjunction(conjunction));
                conjunction = [];
            }
            var next = ParseAtom(ref cursor, depth);
            if (next is null)
            {
                return null;
            }
            conjunction.Add(next);
            isAnd = PeekJunction(ref cursor);
        }
        if (alternatives.Count == 0)
        {
            return new MarkerAnd(conjunction);
        }
        alternatives.Add(Conjunction(conjunction));
        return new MarkerOr(alternatives);
    }

    /// <summary>Reports what follows a complete expression that should have been <c>and</c>, <c>or</c> or the end.</summary>
    public static bool ExpectedJunction(ref Pep508Cursor cursor)
    {
        var at = cursor.Position;
        var rest = cursor.Text[at..];
        if (rest.StartsWith(")"))
        {
            return cursor.Fail(at, "this ')' closes no '('");
        }
        if (rest.StartsWith("&&") || rest.StartsWith("||"))
        {
            return cursor.Fail(at, $"'{rest[..2]}' is not a marker operator; write '{(rest[0] == '&' ? "and" : "or")}'");
        }
        if (rest.StartsWith("AND", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("OR", StringComparison.OrdinalIgnoreCase))
        {
            return cursor.Fail(at, "'and' and 'or' must be written in lower case");
        }
        return cursor.Fail(at, $"expected 'and', 'or' or the end of the marker, found {cursor.Describe(at)}");
    }

    private static MarkerExpression Conjunction(List<MarkerExpression> atoms) => atoms.Count == 1 ? atoms[0] : new MarkerAnd(atoms);

    /// <summary>True for <c>and</c>, false for <c>or</c>, null for neither (position unchanged).</summary>
    private static bool? PeekJunction(ref Pep508Cursor cursor)
    {
        var start = cursor.Position;
        if (cursor.TryReadWord("and"))
        {
            cursor.Position = start;
            return true;
        }
        if (cursor.TryReadWord("or"))
        {
            cursor.Position = start;
            return false;
        }
        return null;
    }

    private static MarkerExpression? ParseAtom(ref Pep508Cursor cursor, int depth)
    {
        cursor.SkipSpaces();
        MarkerExpression? atom;
        if (cursor.Peek('('))
        {
            var open = cursor.Position;
            if (depth >= MaximumDepth)
            {
                cursor.Fail(open, $"markers nested deeper than {MaximumDepth} parentheses are not supported");
                return null;
            }
            cursor.Position++;
            cursor.SkipSpaces();
            var inner = Parse(ref cursor, depth + 1);
            if (inner is null)
            {
                return null;
            }
            cursor.SkipSpaces();
            if (!cursor.TryRead(')'))
            {
                cursor.Fail(cursor.Position, $"expected ')' to close the '(' at column {open + 1}, found {cursor.Describe(cursor.Position)}");
                return null;
            }
            atom = inner.Parenthesized();
        }
        else
        {
            atom = ParseComparison(ref cursor);
        }
        cursor.SkipSpaces();
        return atom;
    }

    private static MarkerComparison? ParseComparison(ref Pep508Cursor cursor)
    {
        if (!TryParseOperand(ref cursor, out var left))
        {
            return null;
        }
        cursor.SkipSpaces();
        if (!TryParseOperator(ref cursor, out var op))
        {
            return null;
        }
        cursor.SkipSpaces();
        if (!TryParseOperand(ref cursor, out var right))
        {
            return null;
        }
        return new MarkerComparison(left, op, right);
    }

    private static bool TryParseOperand(ref Pep508Cursor cursor, out MarkerOperand operand)
    {
        operand = default;
        var at = cursor.Position;
        var text = cursor.Text;
        if (at < text.Length && text[at] is '\'' or '"')
        {
            var quote = text[at];
            var length = text[(at + 1)..].IndexOf(quote);
            if (length < 0)
            {
                return cursor.Fail(at, $"this string is never closed: add a {quote} at its end");
            }
            var value = MarkerLiteral.Decode(text.Slice(at + 1, length), out var errorOffset, out var error);
            if (value is null)
            {
                return cursor.Fail(at + 1 + errorOffset, error!);
            }
            cursor.Position = at + length + 2;
            operand = MarkerOperand.ForLiteral(value);
            return true;
        }
        if (TryReadVariable(ref cursor, out var variable))
        {
            operand = MarkerOperand.ForVariable(variable);
            return true;
        }
        return ExpectedOperand(ref cursor);
    }

    private static bool TryReadVariable(ref Pep508Cursor cursor, out MarkerVariable variable)
    {
        var text = cursor.Text;
        var at = cursor.Position;
        variable = default;
        if (at >= text.Length || !PythonWordCharacter.IsBoundary(text, at))
        {
            return false;
        }
        var rest = text[at..];
        foreach (var (spelling, candidate) in Spellings)
        {
            if (rest.Length >= spelling.Length && rest[0] == spelling[0]
                && rest.StartsWith(spelling, StringComparison.Ordinal)
                && PythonWordCharacter.IsBoundary(text, at + spelling.Length))
            {
                variable = candidate;
                cursor.Position = at + spelling.Length;
                return true;
            }
        }
        return false;
    }

    private static bool ExpectedOperand(ref Pep508Cursor cursor)
    {
        var at = cursor.Position;
        var text = cursor.Text;
        var end = at;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.' or '-' or '*'))
        {
            end++;
        }
        if (end == at)
        {
            return cursor.Fail(at, $"expected a marker variable (such as python_version) or a quoted string, found {cursor.Describe(at)}");
        }
        var word = text[at..end];
        if (char.IsAsciiDigit(word[0]) || word[0] == '*')
        {
            return cursor.Fail(at, $"values in markers must be quoted: write \"{word}\"");
        }
        return cursor.Fail(at, $"'{word}' is not a marker variable; expected one of os_name, sys_platform, platform_machine, " +
            "platform_python_implementation, platform_release, platform_system, platform_version, python_version, " +
            "python_full_version, implementation_name, implementation_version, extra, or a quoted string");
    }

    private static bool TryParseOperator(ref Pep508Cursor cursor, out MarkerOperator op)
    {
        op = default;
        var at = cursor.Position;
        if (cursor.TryReadWord("in"))
        {
            op = MarkerOperator.In;
            return true;
        }
        if (cursor.TryReadWord("not"))
        {
            if (!cursor.SkipSpaces())
            {
                return cursor.Fail(cursor.Position, "expected a space between 'not' and 'in'");
            }
            if (!cursor.TryReadWord("in"))
            {
                return cursor.Fail(cursor.Position, $"expected 'in' after 'not', found {cursor.Describe(cursor.Position)}");
            }
            op = MarkerOperator.NotIn;
            return true;
        }
        var rest = cursor.Text[at..];
        op = rest switch
        {
            _ when rest.StartsWith("===") => MarkerOperator.ArbitraryEqual,
            _ when rest.StartsWith("==") => MarkerOperator.Equal,
            _ when rest.StartsWith("~=") => MarkerOperator.Compatible,
            _ when rest.StartsWith("!=") => MarkerOperator.NotEqual,
            _ when rest.StartsWith("<=") => MarkerOperator.LessThanOrEqual,
            _ when rest.StartsWith(">=") => MarkerOperator.GreaterThanOrEqual,
            _ when rest.StartsWith("<") => MarkerOperator.LessThan,
            _ when rest.StartsWith(">") => MarkerOperator.GreaterThan,
            _ => (MarkerOperator)(-1),
        };
        if (op >= 0)
        {
            cursor.Position += MarkerOperators.Text(op).Length;
            return true;
        }
        if (rest.StartsWith("="))
        {
            return cursor.Fail(at, "'=' is not a marker operator; write '=='");
        }
        return cursor.Fail(at, $"expected a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in), found {cursor.Describe(at)}");
    }
}
