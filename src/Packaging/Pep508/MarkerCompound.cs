using System.Collections.ObjectModel;
using System.Text;

namespace Req2Nix.Packaging.Pep508;

/// <summary>Two or more nodes joined by <c>and</c> (<see cref="MarkerAnd"/>) or <c>or</c> (<see cref="MarkerOr"/>).</summary>
public abstract class MarkerCompound : MarkerExpression
{
    private protected MarkerCompound(MarkerExpression[] operands, bool isParenthesized)
        : base(AnyMayThrow(operands), AnyMentionsExtra(operands))
    {
        if (operands.Length < 2)
        {
            throw new ArgumentException("a compound marker joins at least two operands", nameof(operands));
        }
        Items = operands;
        Operands = new ReadOnlyCollection<MarkerExpression>(operands);
        IsParenthesized = isParenthesized;
    }

    public IReadOnlyList<MarkerExpression> Operands { get; }

    /// <summary>
    /// Whether the source put this group in parentheses. packaging keeps such parentheses when it
    /// prints the marker (<c>(a and b) or c</c>), so this only affects <see cref="object.ToString"/>.
    /// </summary>
    public bool IsParenthesized { get; }

    private protected MarkerExpression[] Items { get; }

    private protected abstract string Keyword { get; }

    /// <summary>The answer of one operand that decides the whole: false for <c>and</c>, true for <c>or</c>.</summary>
    private protected abstract Truth Decisive { get; }

    internal override Truth Evaluate(MarkerEnvironment environment, string extra, bool throwing)
    {
        var items = Items;
        var decisive = Decisive;
        var result = decisive == Truth.True ? Truth.False : Truth.True;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Evaluate(environment, extra, throwing);
            if (item == Truth.Undefined)
            {
                return Truth.Undefined;
            }
            if (item == decisive)
            {
                // packaging evaluates every comparison, so a later one that may raise still must run.
                if (!MayThrow)
                {
                    return decisive;
                }
                result = decisive;
            }
        }
        return result;
    }

    internal override ulong Evaluate(MarkerEnvironmentSet environments, string extra, bool throwing, ref bool undefined)
    {
        var items = Items;
        var all = environments.All.Bits;
        var isAnd = Decisive == Truth.False;
        var mask = isAnd ? all : 0UL;
        var settled = isAnd ? 0UL : all;
        for (var i = 0; i < items.Length; i++)
        {
            if (mask == settled && !MayThrow)
            {
                break;
            }
            var item = items[i].Evaluate(environments, extra, throwing, ref undefined);
            mask = isAnd ? mask & item : mask | item;
        }
        return mask;
    }

    internal override void AppendTo(StringBuilder builder, bool standalone)
    {
        var parenthesize = IsParenthesized && !standalone;
        if (parenthesize)
        {
            builder.Append('(');
        }
        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ').Append(Keyword).Append(' ');
            }
            Items[i].AppendTo(builder, standalone: false);
        }
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    internal override void CollectExtras(List<string> into)
    {
        foreach (var item in Items)
        {
            item.CollectExtras(into);
        }
    }

    private static bool AnyMayThrow(MarkerExpression[] operands)
    {
        foreach (var operand in operands)
        {
            if (operand.MayThrow)
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyMentionsExtra(MarkerExpression[] operands)
    {
        foreach (var operand in operands)
        {
            if (operand.MentionsExtra)
            {
                return true;
            }
        }
        return false;
    }
}
