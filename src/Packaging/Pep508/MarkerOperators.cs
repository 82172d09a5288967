namespace Req2Nix.Packaging.Pep508;

/// <summary>The text of <see cref="MarkerOperator"/> values.</summary>
public static class MarkerOperators
{
    private static readonly string[] Texts = ["==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in"];

    /// <summary>The operator as markers write it: <c>&gt;=</c>, <c>not in</c>.</summary>
    public static string Text(MarkerOperator op) => Texts[(int)op];

    /// <summary>Whether the operator is one PEP 440 specifiers also have (all but <c>in</c> and <c>not in</c>).</summary>
    public static bool IsVersionOperator(MarkerOperator op) => op < MarkerOperator.In;
}
