namespace Req2Nix.Emit.Nix;

/// <summary>
/// The few Nix expression forms req2nix writes, as a tree the <see cref="NixFormatter"/> lays out.
/// Text from outside (names, versions, URLs) only ever enters as a <see cref="NixStringLiteral"/>
/// or through <see cref="NixIdentifier"/>; <see cref="NixRaw"/> holds syntax req2nix composed itself.
/// </summary>
internal abstract record NixExpression;

/// <summary>Syntax written as it is: an identifier, an attribute path, a condition. Never outside text.</summary>
internal sealed record NixRaw(string Text) : NixExpression;

/// <summary>A double-quoted string that evaluates to <see cref="Value"/>, whatever it holds.</summary>
internal sealed record NixStringLiteral(string Value) : NixExpression;

/// <summary><c>[ a b ]</c>: one element per line unless it has at most one, short element.</summary>
internal sealed record NixList(IReadOnlyList<NixExpression> Items) : NixExpression
{
    public static NixList Empty { get; } = new([]);
}

/// <summary><c>{ name = value; }</c>, always one binding per line.</summary>
internal sealed record NixAttrSet(IReadOnlyList<NixBinding> Bindings) : NixExpression;

/// <summary>One <c>name = value;</c>, with comment lines above it. <see cref="Name"/> is already written as Nix (bare or quoted).</summary>
internal sealed record NixBinding(string Name, NixExpression Value)
{
    public IReadOnlyList<string> Comments { get; init; } = [];
}

/// <summary><c>function argument</c>.</summary>
internal sealed record NixApplication(NixExpression Function, NixExpression Argument) : NixExpression;

/// <summary><c>parameter: body</c>.</summary>
internal sealed record NixLambda(string Parameter, NixExpression Body) : NixExpression;

/// <summary><c>if condition then a else b</c>.</summary>
internal sealed record NixIf(NixExpression Condition, NixExpression Then, NixExpression Else) : NixExpression;

/// <summary><c>a ++ b ++ c</c>.</summary>
internal sealed record NixConcatenation(IReadOnlyList<NixExpression> Operands) : NixExpression;
