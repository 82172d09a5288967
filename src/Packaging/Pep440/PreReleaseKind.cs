namespace Req2Nix.Packaging.Pep440;

/// <summary>The pre-release phases of PEP 440, in their sort order.</summary>
public enum PreReleaseKind : byte
{
    /// <summary><c>a</c> (also spelled <c>alpha</c>).</summary>
    Alpha = 1,

    /// <summary><c>b</c> (also spelled <c>beta</c>).</summary>
    Beta = 2,

    /// <summary><c>rc</c> (also spelled <c>c</c>, <c>pre</c>, <c>preview</c>).</summary>
    ReleaseCandidate = 3,
}
