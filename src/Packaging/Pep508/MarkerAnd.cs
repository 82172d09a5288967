namespace Req2Nix.Packaging.Pep508;

/// <summary>Holds when every operand holds.</summary>
public sealed class MarkerAnd : MarkerCompound
{
    public MarkerAnd(IEnumerable<MarkerExpression> operands, bool isParenthesized = false)
        : base([.. operands], isParenthesized)
    {
    }

    private protected override string Keyword => "and";

    private protected override Truth Decisive => Truth.False;

    internal override MarkerExpression Parenthesized() => IsParenthesized ? this : new MarkerAnd(Items, isParenthesized: true);
}
