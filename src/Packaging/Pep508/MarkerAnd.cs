namespace Req2Nix.Packaging.Pep508;

/// <summary>Holds when every operand holds.</summary>
public sealed class MarkerAnd : MarkerCompound
{
    public MarkerAnd(IEnumerable<MarkerExpression> operands, bool isParenthesized = false)
        : base([.. operands], isParenthesized)
    {
    }

    private protected override string Keyword => "and";

    internal override MarkerExpression Parenthesized() => IsParenthesized ? this : new MarkerAnd(Items, isParenthesized: true);

    internal override Truth Evaluate(MarkerEnvironment environment, string extra, bool throwing)
    {
        var items = Items;
        if (!MayThrow)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i].Evaluate(environment, extra, throwing) == Truth.False)
                {
                    return Truth.False;
                }
            }
            return Truth.True;
        }

        // packaging evaluates every comparison, so one that raises does even after a false one.
        var result = Truth.True;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Evaluate(environment, extra, throwing);
            if (item == Truth.Undefined)
            {
                return Truth.Undefined;
            }
            if (item == Truth.False)
            {
                result = Truth.False;
            }
        }
        return result;
    }

    internal override ulong Evaluate(MarkerEnvironmentSet environments, string extra, bool throwing, ref bool undefined)
    {
        var items = Items;
        var mask = environments.All.Bits;
        for (var i = 0; i < items.Length; i++)
        {
            if (mask == 0 && !MayThrow)
            {
                break;
            }
            mask &= items[i].Evaluate(environments, extra, throwing, ref undefined);
        }
        return mask;
    }
}
