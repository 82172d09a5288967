using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Tests.Packages;

public class BuildFilesTests
{
    private static readonly ResolvedFile SdistFile = Build.PypiFile("demo-1.0.tar.gz");
    private static readonly ResolvedFile PureWheel = Build.PypiFile("demo-1.0-py3-none-any.whl");
    private static readonly ResolvedFile LinuxWheel = Build.PypiFile("demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl");

    [Theory]
    [InlineData(WheelPolicy.Never, "demo-1.0.tar.gz")]
    [InlineData(WheelPolicy.Pure, "demo-1.0-py3-none-any.whl")]
    [InlineData(WheelPolicy.All, "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")]
    public void One_package_on_one_system_gets_the_file_its_build_starts_from(WheelPolicy policy, string expected)
    {
        var package = Build.Package("demo", "1.0", SdistFile, PureWheel, LinuxWheel);

        var file = BuildFiles.ToInspect(package, SystemSet.Of(NixSystem.LinuxX64), Build.Python311, policy);

        Assert.Equal(expected, file?.Filename);
    }

    [Fact]
    public void The_sdist_wins_when_any_system_builds_from_it()
    {
        var package = Build.Package("demo", "1.0", SdistFile, LinuxWheel);

        Assert.Equal(LinuxWheel, BuildFiles.ToInspect(package, SystemSet.Of(NixSystem.LinuxX64), Build.Python311, WheelPolicy.All));
        Assert.Equal(SdistFile, BuildFiles.ToInspect(package, Build.Systems(NixSystem.LinuxX64, NixSystem.DarwinArm64), Build.Python311, WheelPolicy.All));
    }

    [Theory]
    [InlineData(WheelPolicy.Never)]
    [InlineData(WheelPolicy.Pure)]
    [InlineData(WheelPolicy.All)]
    public void The_resolution_wide_list_is_the_per_package_rule_applied_to_each_package(WheelPolicy policy)
    {
        var resolution = Build.Resolution(
            Build.Package("demo", "1.0", SdistFile, PureWheel, LinuxWheel),
            Build.Sdist("plain", "2.0"),
            Build.Package("wheelonly", "3.0", Build.PypiFile("wheelonly-3.0-cp311-cp311-manylinux_2_17_x86_64.whl")),
            Build.Package("nothing", "4.0"));

        var listed = BuildFiles.ToInspect(resolution, policy);

        var expected = resolution.Packages
            .Select(package => (package, BuildFiles.ToInspect(package, SystemSet.All, Build.Python311, policy)))
            .Where(pair => pair.Item2 is not null)
            .Select(pair => (pair.package.Name, pair.Item2!.Filename));
        Assert.Equal(expected, listed.Select(pair => (pair.Package.Name, pair.File.Filename)));
        Assert.DoesNotContain(listed, pair => pair.Package.Name.ToString() == "nothing");
    }
}
