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

    internal override bool Evaluate(MarkerEnvironment environment, string extra)
    {
        var items = Items;
        if (!MayThrow)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (!items[i].Evaluate(environment, extra))
                {
                    return false;
                }
            }
            return true;
        }
        var result = true;
        for (var i = 0; i < items.Length; i++)
        {
            result &= items[i].Evaluate(environment, extra);
        }
        return result;
    }

    internal override ulong Evaluate(MarkerEnvironmentSet environments, string extra)
    {
        var items = Items;
        var mask = environments.All.Bits;
        for (var i = 0; i < items.Length; i++)
        {
            if (mask == 0 && !MayThrow)
            {
                break;
            }
            mask &= items[i].Evaluate(environments, extra);
        }
        return mask;
    }
}
