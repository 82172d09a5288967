namespace Req2Nix.Cli.Tests;

public sealed class StartupWarmUpTests
{
    /// <summary>It runs on a background thread of every run: an exception there would end the process.</summary>
    [Fact]
    public void Warming_up_throws_nothing_first_or_again()
    {
        Assert.Null(Record.Exception(() => StartupWarmUp.WarmUp(WarmUpTargets.Default)));
        Assert.Null(Record.Exception(() => StartupWarmUp.WarmUp(WarmUpTargets.Default)));
    }
}
