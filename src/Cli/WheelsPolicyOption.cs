namespace Req2Nix.Cli;

/// <summary>The values of <c>--wheels</c>.</summary>
public enum WheelsChoice
{
    Never,
    Pure,
    All,
}
