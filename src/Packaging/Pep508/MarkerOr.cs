namespace Req2Nix.Packaging.Pep508;

/// <summary>Holds when some operand holds.</summary>
public sealed class MarkerOr : MarkerCompound
{
    public MarkerOr(IEnumerable<MarkerExpression> operands, bool isParenthesized = false)
        : base([.. operands], isParenthesized)
    {
    }

    private protected override string Keyword => "or";

    private protected override Truth Decisive => Truth.True;

    internal override MarkerExpression Parenthesized() => IsParenthesized ? this : new MarkerOr(Items, isParenthesized: true);
}
