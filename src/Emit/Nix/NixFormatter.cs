using System.Text;

namespace Req2Nix.Emit.Nix;

/// <summary>
/// Lays out a <see cref="NixExpression"/> the way nixfmt (RFC 166 style, as nixpkgs is formatted)
/// does for the forms req2nix writes: two-space indentation; a binding on one line when it fits in
/// <see cref="Width"/> columns; lists with more than one element and non-empty attribute sets one
/// element per line; a list, set or function argument that opens on the binding's line
/// (<c>src = fetchPypi {</c>); <c>++</c> operands on their own lines at the binding's indentation;
/// <c>if</c> on the line after <c>=</c>, and so is a concatenation whose first operand is not a
/// list. List elements and function arguments that are themselves
/// applications, functions, conditionals or concatenations are parenthesized. The same tree always
/// gives the same text.
/// </summary>
internal sealed class NixFormatter
{
    /// <summary>nixfmt's default line width.</summary>
    public const int Width = 100;

    private readonly StringBuilder _output;
    private int _lineStart;

    public NixFormatter(StringBuilder output)
    {
        _output = output;
        _lineStart = LastLineStart(output);
    }

    private int Column => _output.Length - _lineStart;

    /// <summary>Writes <paramref name="binding"/> (comments, <c>name = value;</c>) as whole lines at <paramref name="indent"/>.</summary>
    public void WriteBinding(NixBinding binding, int indent)
    {
        // A binding always starts a line, whatever was appended since the last one.
        _lineStart = _output.Length;
        foreach (var comment in binding.Comments)
        {
            NixComment.AppendLine(_output, indent, comment);
            _lineStart = _output.Length;
        }
        _output.Append(' ', indent).Append(binding.Name).Append(" =");
        var value = binding.Value;
        var flat = Flat(value);
        if (flat is not null && Column + 1 + flat.Length + 1 <= Width)
        {
            _output.Append(' ').Append(flat);
        }
        else if (value is NixIf)
        {
            NewLine(indent + 2);
            Write(value, indent + 2, reserve: 1);
        }
        else if (OpensOnSameLine(value) || value is NixConcatenation { Operands: [var first, ..] } && OpensOnSameLine(first))
        {
            _output.Append(' ');
            Write(value, indent, reserve: 1);
        }
        else
        {
            NewLine(indent + 2);
            Write(value, indent + 2, reserve: 1);
        }
        _output.Append(";\n");
        _lineStart = _output.Length;
    }

    /// <summary>
    /// Writes <paramref name="expression"/> from the current position; <paramref name="indent"/> is
    /// the indentation of the line it starts on, <paramref name="reserve"/> the characters that
    /// will follow it on its last line (a <c>;</c>).
    /// </summary>
    public void Write(NixExpression expression, int indent, int reserve = 0)
    {
        var flat = Flat(expression);
        if (flat is not null && Column + flat.Length + reserve <= Width)
        {
            _output.Append(flat);
            return;
        }
        switch (expression)
        {
            case NixList list:
                _output.Append('[');
                foreach (var item in list.Items)
                {
                    NewLine(indent + 2);
                    WriteArgument(item, indent + 2, reserve: 0);
                }
                NewLine(indent);
                _output.Append(']');
                break;
            case NixAttrSet set:
                _output.Append("{\n");
                _lineStart = _output.Length;
                foreach (var binding in set.Bindings)
                {
                    WriteBinding(binding, indent + 2);
                }
                _output.Append(' ', indent).Append('}');
                break;
            case NixApplication application:
                Write(application.Function, indent);
                _output.Append(' ');
                WriteArgument(application.Argument, indent, reserve);
                break;
            case NixLambda lambda:
                _output.Append(lambda.Parameter).Append(": ");
                Write(lambda.Body, indent, reserve);
                break;
            case NixIf conditional:
                WriteIf(conditional, indent, reserve);
                break;
            case NixConcatenation concatenation:
                WriteOperand(concatenation.Operands[0], indent, reserve: 0);
                foreach (var operand in concatenation.Operands.Skip(1))
                {
                    NewLine(indent);
                    _output.Append("++ ");
                    WriteOperand(operand, indent, reserve);
                }
                break;
            default:
                // Raw text and strings are always flat.
                _output.Append(flat);
                break;
        }
    }

    /// <summary>The expression on one line, or null when its form always takes several.</summary>
    public static string? Flat(NixExpression expression) => expression switch
    {
        NixRaw raw => raw.Text,
        NixStringLiteral literal => NixString.Quote(literal.Value),
        NixList { Items.Count: 0 } => "[ ]",
        NixList { Items: [var only] } => FlatArgument(only) is { } item ? $"[ {item} ]" : null,
        NixList => null,
        NixAttrSet { Bindings.Count: 0 } => "{ }",
        NixAttrSet => null,
        NixApplication application => Flat(application.Function) is { } function && FlatArgument(application.Argument) is { } argument
            ? $"{function} {argument}"
            : null,
        NixLambda lambda => Flat(lambda.Body) is { } body ? $"{lambda.Parameter}: {body}" : null,
        NixConcatenation concatenation => FlatConcatenation(concatenation),
        _ => null,
    };

    private static string? FlatArgument(NixExpression argument) =>
        Flat(argument) is { } text ? (NeedsParentheses(argument) ? $"({text})" : text) : null;

    private static string? FlatConcatenation(NixConcatenation concatenation)
    {
        var parts = new string[concatenation.Operands.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var operand = concatenation.Operands[i];
            if (Flat(operand) is not { } text)
            {
                return null;
            }
            parts[i] = NeedsParenthesesAsOperand(operand) ? $"({text})" : text;
        }
        return string.Join(" ++ ", parts);
    }

    /// <summary>An operand of <c>++</c>, which binds more loosely than application.</summary>
    private static bool NeedsParenthesesAsOperand(NixExpression operand) => operand is NixLambda or NixIf or NixConcatenation;

    private static bool NeedsParentheses(NixExpression argument) =>
        argument is NixApplication or NixLambda or NixIf or NixConcatenation;

    /// <summary>Forms that open on the line they start on and close on their own line: <c>[</c>, <c>{</c>, <c>f {</c>, <c>f (x: {</c>.</summary>
    private static bool OpensOnSameLine(NixExpression expression) => expression switch
    {
        NixList or NixAttrSet => true,
        NixApplication application => OpensOnSameLine(application.Argument) || application.Argument is NixLambda,
        NixLambda lambda => OpensOnSameLine(lambda.Body),
        _ => false,
    };

    private void WriteArgument(NixExpression argument, int indent, int reserve)
    {
        if (NeedsParentheses(argument))
        {
            _output.Append('(');
            Write(argument, indent, reserve + 1);
            _output.Append(')');
        }
        else
        {
            Write(argument, indent, reserve);
        }
    }

    private void WriteOperand(NixExpression operand, int indent, int reserve)
    {
        if (NeedsParenthesesAsOperand(operand))
        {
            WriteArgument(operand, indent, reserve);
        }
        else
        {
            Write(operand, indent, reserve);
        }
    }

    private void WriteIf(NixIf conditional, int indent, int reserve)
    {
        _output.Append("if ");
        Write(conditional.Condition, indent);
        _output.Append(" then");
        NewLine(indent + 2);
        Write(conditional.Then, indent + 2);
        NewLine(indent);
        _output.Append("else");
        if (conditional.Else is NixIf chained)
        {
            _output.Append(' ');
            WriteIf(chained, indent, reserve);
            return;
        }
        NewLine(indent + 2);
        Write(conditional.Else, indent + 2, reserve);
    }

    private void NewLine(int indent)
    {
        _output.Append('\n');
        _lineStart = _output.Length;
        _output.Append(' ', indent);
    }

    private static int LastLineStart(StringBuilder output)
    {
        for (var i = output.Length - 1; i >= 0; i--)
        {
            if (output[i] == '\n')
            {
                return i + 1;
            }
        }
        return 0;
    }
}
