namespace Req2Nix.Packaging.Pep508;

/// <summary>Why a marker could not be evaluated (packaging's exception names).</summary>
public enum MarkerEvaluationFailure
{
    /// <summary>The comparison has no meaning: <c>os_name ~= "1.0"</c>, <c>"x" === extra</c>, <c>extras == "a"</c>.</summary>
    UndefinedComparison,

    /// <summary>The marker looks up a name the environment lacks: <c>"a" == "b"</c> (the literal names the key).</summary>
    UndefinedEnvironmentName,
}
