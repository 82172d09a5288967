using Req2Nix.Packaging.Targets;

namespace Req2Nix.Cli.Tests;

public sealed class WarmUpTargetsTests
{
    [Fact]
    public void A_run_that_names_no_target_warms_the_defaults()
    {
        var targets = WarmUpTargets.From(["requirements.txt", "-o", "out.nix"]);

        Assert.Equal(CommandLineDefinition.DefaultPython, targets.Python.ToString());
        Assert.Equal(NixSystem.All, targets.Systems);
    }

    [Theory]
    [InlineData("--python", "3.11", "--system", "x86_64-linux")]
    [InlineData("--python=3.11", "--system=x86_64-linux")]
    [InlineData("--python:3.11", "--system:x86_64-linux")]
    public void The_python_and_systems_named_in_any_form_the_parser_takes_are_the_ones_warmed(params string[] args)
    {
        var targets = WarmUpTargets.From(["-q", .. args, "requirements.txt"]);

        Assert.Equal("3.11", targets.Python.ToString());
        Assert.Equal([NixSystem.LinuxX64], targets.Systems);
    }

    [Fact]
    public void Repeated_systems_are_all_warmed_once_each_and_unknown_ones_are_left_to_the_parser()
    {
        var targets = WarmUpTargets.From(["--system", "aarch64-darwin", "--system", "riscv64-linux", "--system", "x86_64-linux", "--system", "aarch64-darwin"]);

        Assert.Equal([NixSystem.DarwinArm64, NixSystem.LinuxX64], targets.Systems);
    }

    [Fact]
    public void A_bad_python_or_a_missing_value_falls_back_to_the_default()
    {
        Assert.Equal(WarmUpTargets.Default.Python, WarmUpTargets.From(["--python", "three"]).Python);
        Assert.Equal(WarmUpTargets.Default.Python, WarmUpTargets.From(["--python"]).Python);
    }

    [Fact]
    public void Words_after_a_double_dash_are_not_options()
    {
        Assert.Equal(WarmUpTargets.Default.Systems, WarmUpTargets.From(["--", "--system", "x86_64-linux"]).Systems);
    }

    [Fact]
    public void An_offline_run_is_told_apart_so_that_its_http_client_is_not_warmed()
    {
        Assert.True(WarmUpTargets.From(["--offline", "requirements.txt"]).Offline);
        Assert.False(WarmUpTargets.From(["requirements.txt"]).Offline);
        Assert.False(WarmUpTargets.From(["--", "--offline"]).Offline);
    }
}
