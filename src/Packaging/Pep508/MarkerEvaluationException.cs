namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// A marker that parses but cannot be evaluated, where packaging raises <c>UndefinedComparison</c>
/// or <c>UndefinedEnvironmentName</c>. <see cref="Marker.TryEvaluate(MarkerEnvironment, Names.ExtraName?, out bool)"/> avoids it.
/// </summary>
public sealed class MarkerEvaluationException : InvalidOperationException
{
    public MarkerEvaluationException(MarkerEvaluationFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public MarkerEvaluationFailure Failure { get; }

    internal static MarkerEvaluationException UndefinedComparison(MarkerOperator op, string left, string right) =>
        new(
            MarkerEvaluationFailure.UndefinedComparison,
            $"'{MarkerOperators.Text(op)}' is undefined between '{left}' and '{right}': it compares PEP 440 versions, and these are not both versions");

    internal static MarkerEvaluationException SetOnLeft(MarkerVariable set, MarkerOperator op) =>
        new(
            MarkerEvaluationFailure.UndefinedComparison,
            $"'{MarkerVariables.Name(set)}' is a set and can only be tested with '\"name\" in {MarkerVariables.Name(set)}', " +
            $"not stand on the left of '{MarkerOperators.Text(op)}'");

    internal static MarkerEvaluationException UndefinedEnvironmentName(string name) =>
        new(MarkerEvaluationFailure.UndefinedEnvironmentName, $"the environment has no marker variable '{name}'");
}
