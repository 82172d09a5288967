using System.Text;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// A node of a parsed marker: a <see cref="MarkerComparison"/>, or a <see cref="MarkerAnd"/> /
/// <see cref="MarkerOr"/> of nodes. Immutable; evaluation goes through <see cref="Marker"/>.
/// </summary>
public abstract class MarkerExpression
{
    private protected MarkerExpression(bool mayThrow, bool mentionsExtra)
    {
        MayThrow = mayThrow;
        MentionsExtra = mentionsExtra;
    }

    /// <summary>Whether some comparison in this node involves the <c>extra</c> variable.</summary>
    public bool MentionsExtra { get; }

    /// <summary>
    /// Whether evaluating may raise (an undefined comparison such as <c>os_name ~= "1.0"</c>, or an
    /// unknown environment key); such nodes are evaluated without short-circuiting, as packaging does.
    /// </summary>
    internal bool MayThrow { get; }

    /// <summary>packaging's <c>str(Marker)</c> of this node standing alone (outer parentheses dropped).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder, standalone: true);
        return builder.ToString();
    }

    /// <summary>
    /// Evaluates the node. Where packaging raises, throws <see cref="MarkerEvaluationException"/> when
    /// <paramref name="throwing"/>, else answers <see cref="Truth.Undefined"/>.
    /// </summary>
    internal abstract Truth Evaluate(MarkerEnvironment environment, string extra, bool throwing);

    /// <summary>
    /// Evaluates on every environment of the set; bit i of the result is environment i's answer.
    /// Where packaging raises, throws when <paramref name="throwing"/>, else sets <paramref name="undefined"/>.
    /// </summary>
    internal abstract ulong Evaluate(MarkerEnvironmentSet environments, string extra, bool throwing, ref bool undefined);

    /// <summary>Writes the node; a parenthesized group keeps its parentheses unless it stands alone.</summary>
    internal abstract void AppendTo(StringBuilder builder, bool standalone);

    /// <summary>The node as the content of parentheses: groups remember them, single comparisons drop them.</summary>
    internal abstract MarkerExpression Parenthesized();

    internal abstract void CollectExtras(List<string> into);
}
