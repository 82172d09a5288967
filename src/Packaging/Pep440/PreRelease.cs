namespace Req2Nix.Packaging.Pep440;

/// <summary>The pre-release segment of a version, such as <c>a1</c> or <c>rc2</c>.</summary>
public readonly record struct PreRelease(PreReleaseKind Kind, ulong Number)
{
    /// <summary>The normalized letter: <c>a</c>, <c>b</c> or <c>rc</c>.</summary>
    public string Letter => Kind switch
    {
        PreReleaseKind.Alpha => "a",
        PreReleaseKind.Beta => "b",
        _ => "rc",
    };

    /// <summary>The normalized form, as it appears in a version: <c>a1</c>, <c>rc0</c>.</summary>
    public override string ToString() => Letter + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
