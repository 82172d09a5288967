namespace Req2Nix.Packaging.Pep508;

/// <summary>Holds when some operand holds.</summary>
public sealed class MarkerOr : MarkerCompound
{
    public MarkerOr(IEnumerable<MarkerExpression> operands, bool isParenthesized = false)
        : base([.. operands], isParenthesized)
    {
    }

    private protected override string Keyword => "or";

    internal override MarkerExpression Parenthesized() => IsParenthesized ? this : new MarkerOr(Items, isParenthesized: true);

    internal override Truth Evaluate(MarkerEnvironment environment, string extra, bool throwing)
    {
        var items = Items;
        if (!MayThrow)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i].Evaluate(environment, extra, throwing) == Truth.True)
                {
                    return Truth.True;
                }
            }
            return Truth.False;
        }

        // packaging evaluates every comparison, so one that raises does even after a true one.
        var result = Truth.False;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Evaluate(environment, extra, throwing);
            if (item == Truth.Undefined)
            {
                return Truth.Undefined;
            }
            if (item == Truth.True)
            {
                result = Truth.True;
            }
        }
        return result;
    }

    internal override ulong Evaluate(MarkerEnvironmentSet environments, string extra, bool throwing, ref bool undefined)
    {
        var items = Items;
        var all = environments.All.Bits;
        var mask = 0UL;
        for (var i = 0; i < items.Length; i++)
        {
            if (mask == all && !MayThrow)
            {
                break;
            }
            mask |= items[i].Evaluate(environments, extra, throwing, ref undefined);
        }
        return mask;
    }
}
