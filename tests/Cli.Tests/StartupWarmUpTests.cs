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

    /// <summary>
    /// The emitter is warmed up on a sample written for the run's own targets, whatever they are (its
    /// failure would be swallowed, and the warming lost, so it is checked here).
    /// </summary>
    [Theory]
    [InlineData("--python", "3.7", "--system", "aarch64-darwin")]
    [InlineData("--python", "3.13", "--offline")]
    [InlineData("--system", "x86_64-linux", "--system", "x86_64-darwin")]
    public void The_sample_the_emitter_warms_up_on_is_written_for_any_targets(params string[] args)
    {
        var text = StartupWarmUp.WriteSample(WarmUpTargets.From(args));

        Assert.Equal(2, text.Split("= buildPythonPackage").Length - 1);
        Assert.Contains("warm-up-library", text, StringComparison.Ordinal);
    }
}
