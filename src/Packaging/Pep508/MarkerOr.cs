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

    internal override bool Evaluate(MarkerEnvironment environment, string extra)
    {
        var items = Items;
        if (!MayThrow)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i].Evaluate(environment, extra))
                {
                    return true;
                }
            }
            return false;
        }
        var result = false;
        for (var i = 0; i < items.Length; i++)
        {
            result |= items[i].Evaluate(environment, extra);
        }
        return result;
    }

    internal override ulong Evaluate(MarkerEnvironmentSet environments, string extra)
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
            mask |= items[i].Evaluate(environments, extra);
        }
        return mask;
    }
}
