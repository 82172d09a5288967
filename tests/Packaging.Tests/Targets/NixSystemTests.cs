using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Targets;

public class NixSystemTests
{
    [Fact]
    public void There_are_the_four_flake_systems()
    {
        Assert.Equal(["x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"], NixSystem.All.Select(s => s.ToString()));
    }

    [Theory]
    [InlineData("x86_64-linux", "linux", "Linux", "x86_64", "stdenv.hostPlatform.isLinux && stdenv.hostPlatform.isx86_64")]
    [InlineData("aarch64-linux", "linux", "Linux", "aarch64", "stdenv.hostPlatform.isLinux && stdenv.hostPlatform.isAarch64")]
    [InlineData("x86_64-darwin", "darwin", "Darwin", "x86_64", "stdenv.hostPlatform.isDarwin && stdenv.hostPlatform.isx86_64")]
    [InlineData("aarch64-darwin", "darwin", "Darwin", "arm64", "stdenv.hostPlatform.isDarwin && stdenv.hostPlatform.isAarch64")]
    public void Each_system_knows_its_marker_values_and_Nix_predicate(
        string name, string sysPlatform, string platformSystem, string machine, string predicate)
    {
        var system = NixSystem.Parse(name);

        Assert.Equal(name, system.Name);
        Assert.Equal("posix", system.OsName);
        Assert.Equal(sysPlatform, system.SysPlatform);
        Assert.Equal(platformSystem, system.PlatformSystem);
        Assert.Equal(machine, system.PlatformMachine);
        Assert.Equal(predicate, system.NixPredicate);
        Assert.Equal(sysPlatform == "linux", system.IsLinux);
        Assert.Equal(sysPlatform == "darwin", system.IsDarwin);
        Assert.Same(system, NixSystem.All.Single(s => s.Name == name));
    }

    [Fact]
    public void The_predicates_split_into_kernel_and_cpu()
    {
        Assert.Equal("stdenv.hostPlatform.isDarwin", NixSystem.DarwinArm64.NixKernelPredicate);
        Assert.Equal("stdenv.hostPlatform.isAarch64", NixSystem.DarwinArm64.NixCpuPredicate);
        Assert.Equal(NixSystem.LinuxX64.NixCpuPredicate, NixSystem.DarwinX64.NixCpuPredicate);
        Assert.Equal(NixSystem.LinuxX64.NixKernelPredicate, NixSystem.LinuxArm64.NixKernelPredicate);
    }

    [Theory]
    [InlineData("i686-linux")]
    [InlineData("X86_64-linux")]
    [InlineData("x86_64-linux ")]
    [InlineData("")]
    public void Other_names_are_refused(string name)
    {
        Assert.False(NixSystem.TryParse(name, out var system));
        Assert.Null(system);
        var error = Assert.Throws<InvalidTargetException>(() => NixSystem.Parse(name));
        Assert.Contains("x86_64-linux, aarch64-linux, x86_64-darwin, aarch64-darwin", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void TryParse_of_null_fails()
    {
        Assert.False(NixSystem.TryParse(null, out _));
    }
}
