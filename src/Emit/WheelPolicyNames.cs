namespace Req2Nix.Emit;

/// <summary>
/// The names <c>--wheels</c> and the file header write for a <see cref="WheelPolicy"/>: lower-case,
/// exactly these three. A switch, not <see cref="Enum"/>'s reflection: both are on a run's path.
/// </summary>
public static class WheelPolicyNames
{
    public static string Of(WheelPolicy policy) => policy switch
    {
        WheelPolicy.Never => "never",
        WheelPolicy.Pure => "pure",
        WheelPolicy.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "not a wheel policy"),
    };

    public static bool TryParse(string? name, out WheelPolicy policy)
    {
        (var known, policy) = name switch
        {
            "never" => (true, WheelPolicy.Never),
            "pure" => (true, WheelPolicy.Pure),
            "all" => (true, WheelPolicy.All),
            _ => (false, WheelPolicy.Pure),
        };
        return known;
    }
}
