using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>The environments of CPython on the four Nix systems, and evaluating one marker on all of them at once.</summary>
public class NixMarkerEnvironmentTests
{
    private static readonly PythonTarget Python = PythonTarget.Parse("3.12.4");
    private static readonly MarkerEnvironmentSet Systems = MarkerEnvironmentSet.For(NixSystem.All, Python);

    [Theory]
    [InlineData("x86_64-linux", "linux", "Linux", "x86_64")]
    [InlineData("aarch64-linux", "linux", "Linux", "aarch64")]
    [InlineData("x86_64-darwin", "darwin", "Darwin", "x86_64")]
    [InlineData("aarch64-darwin", "darwin", "Darwin", "arm64")]
    public void Environment_is_what_cpython_reports_there(string system, string sysPlatform, string platformSystem, string machine)
    {
        var environment = MarkerEnvironment.For(NixSystem.Parse(system), Python);

        Assert.Equal("posix", environment.OsName);
        Assert.Equal(sysPlatform, environment.SysPlatform);
        Assert.Equal(platformSystem, environment.PlatformSystem);
        Assert.Equal(machine, environment.PlatformMachine);
        Assert.Equal("CPython", environment.PlatformPythonImplementation);
        Assert.Equal("cpython", environment.ImplementationName);
        Assert.Equal("3.12", environment.PythonVersion);
        Assert.Equal("3.12.4", environment.PythonFullVersion);
        Assert.Equal("3.12.4", environment.ImplementationVersion);
        Assert.Equal("", environment.PlatformRelease);
        Assert.Equal("", environment.PlatformVersion);
        Assert.Equal("", environment.Extra);
        Assert.Empty(environment.Extras!);
        Assert.Empty(environment.DependencyGroups!);
    }

    [Fact]
    public void Minor_only_target_means_its_first_release()
    {
        var environment = MarkerEnvironment.For(NixSystem.LinuxX64, PythonTarget.Parse("3.11"));

        Assert.Equal("3.11.0", environment.PythonFullVersion);
        Assert.False(Marker.Parse("python_full_version >= '3.11.1'").Evaluate(environment));
    }

    [Fact]
    public void Apple_silicon_marker_holds_only_on_aarch64_darwin()
    {
        var mask = Marker.Parse("sys_platform == \"darwin\" and platform_machine == \"arm64\"").Evaluate(Systems);

        Assert.Equal([3], mask.Indexes());
        Assert.Same(NixSystem.DarwinArm64, NixSystem.All[mask.Indexes().Single()]);
    }

    [Theory]
    [InlineData("sys_platform == 'linux'", new[] { 0, 1 })]
    [InlineData("platform_machine == 'x86_64'", new[] { 0, 2 })]
    [InlineData("platform_machine == 'aarch64' or platform_machine == 'arm64'", new[] { 1, 3 })]
    [InlineData("sys_platform == 'win32'", new int[0])]
    [InlineData("python_version >= '3.8'", new[] { 0, 1, 2, 3 })]
    [InlineData("platform_system != 'Darwin' and python_version < '3.13'", new[] { 0, 1 })]
    [InlineData("(sys_platform == 'darwin' or os_name == 'nt') and platform_machine != 'arm64'", new[] { 2 })]
    [InlineData("platform_release >= '5.0'", new int[0])]
    [InlineData("platform_release != '5.0'", new int[0])]
    [InlineData("platform_release == ''", new[] { 0, 1, 2, 3 })]
    [InlineData("'Ubuntu' not in platform_version", new[] { 0, 1, 2, 3 })]
    public void One_evaluation_tells_the_systems_a_marker_holds_on(string marker, int[] systems)
    {
        var parsed = Marker.Parse(marker);
        var mask = parsed.Evaluate(Systems);

        Assert.Equal(systems, mask.Indexes());
        for (var i = 0; i < Systems.Count; i++)
        {
            Assert.Equal(parsed.Evaluate(Systems[i]), mask.Contains(i));
        }
    }

    [Theory]
    [InlineData("python_version >= '3.11'", new[] { 1, 2 })]
    [InlineData("python_full_version < '3.11.5' and sys_platform == 'linux'", new[] { 0, 1 })]
    [InlineData("'3.12' in python_version or platform_machine == 'arm64'", new[] { 2, 3 })]
    [InlineData("python_version ~= '3.8.0'", new[] { 0 })]
    public void Environments_may_differ_in_any_variable(string marker, int[] environments)
    {
        var set = new MarkerEnvironmentSet(
        [
            MarkerEnvironment.For(NixSystem.LinuxX64, PythonTarget.Parse("3.8.18")),
            MarkerEnvironment.For(NixSystem.LinuxArm64, PythonTarget.Parse("3.11.2")),
            MarkerEnvironment.For(NixSystem.LinuxX64, PythonTarget.Parse("3.12")),
            MarkerEnvironment.For(NixSystem.DarwinArm64, PythonTarget.Parse("3.10")),
        ]);

        Assert.Equal(environments, Marker.Parse(marker).Evaluate(set).Indexes());
    }

    [Fact]
    public void Extras_apply_to_every_system_alike()
    {
        var marker = Marker.Parse("extra == 'speedups' and sys_platform == 'linux'");

        Assert.True(marker.Evaluate(Systems).IsEmpty);
        Assert.Equal([0, 1], marker.Evaluate(Systems, ExtraName.Parse("SpeedUps")).Indexes());
        Assert.Equal([0, 1], marker.EvaluateForExtras(Systems, [ExtraName.Parse("docs"), ExtraName.Parse("speedups")]).Indexes());
        Assert.True(marker.EvaluateForExtras(Systems, [ExtraName.Parse("docs")]).IsEmpty);
        Assert.Equal(Systems.All, Marker.Parse("os_name == 'posix'").EvaluateForExtras(Systems, [ExtraName.Parse("docs")]));
    }

    [Fact]
    public void Masks_combine_along_and_across_paths()
    {
        var linux = Marker.Parse("sys_platform == 'linux'").Evaluate(Systems);
        var x86 = Marker.Parse("platform_machine == 'x86_64'").Evaluate(Systems);

        Assert.Equal([0], (linux & x86).Indexes());
        Assert.Equal([0, 1, 2], (linux | x86).Indexes());
        Assert.Equal(3, (linux | x86).Count);
        Assert.Equal(Systems.All, linux | Marker.Parse("sys_platform == 'darwin'").Evaluate(Systems));
        Assert.False(linux.Contains(64));
        Assert.True(EnvironmentMask.None.IsEmpty);
    }

    [Fact]
    public void Undefined_comparison_on_a_set_raises_or_is_reported()
    {
        var undefined = Marker.Parse("sys_platform == 'linux' or implementation_name === 'pypy'");

        Assert.Throws<MarkerEvaluationException>(() => undefined.Evaluate(Systems));
        Assert.False(undefined.TryEvaluate(Systems, null, out var mask));
        Assert.True(mask.IsEmpty);
        Assert.True(Marker.Parse("sys_platform == 'linux' or python_version ~= '3.1'").TryEvaluate(Systems, null, out mask));
        Assert.Equal(Systems.All, mask);
    }

    [Fact]
    public void Undefined_comparison_for_extras_raises_or_is_reported()
    {
        var undefined = Marker.Parse("extra == 'pypy' and implementation_name === 'pypy'");
        ExtraName[] extras = [ExtraName.Parse("pypy")];

        Assert.Throws<MarkerEvaluationException>(() => undefined.EvaluateForExtras(Systems, extras));
        Assert.False(undefined.TryEvaluateForExtras(Systems, extras, out var mask));
        Assert.True(mask.IsEmpty);
        // Every comparison is evaluated on a set, so the extra's absence does not hide the undefined one.
        Assert.Throws<MarkerEvaluationException>(() => undefined.EvaluateForExtras(Systems, []));
        Assert.False(undefined.TryEvaluateForExtras(Systems, [], out mask));
        Assert.True(Marker.Parse("extra == 'pypy' or sys_platform == 'darwin'").TryEvaluateForExtras(Systems, extras, out mask));
        Assert.Equal(Systems.All, mask);
    }

    [Fact]
    public void A_set_holds_one_to_sixty_four_environments()
    {
        var one = MarkerEnvironment.For(NixSystem.LinuxX64, Python);

        Assert.Equal(ulong.MaxValue, new MarkerEnvironmentSet(Enumerable.Repeat(one, 64)).All.Bits);
        Assert.Throws<ArgumentException>(() => new MarkerEnvironmentSet([]));
        Assert.Throws<ArgumentException>(() => new MarkerEnvironmentSet(Enumerable.Repeat(one, 65)));
    }
}
