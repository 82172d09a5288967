using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Targets;

public class SystemSetTests
{
    [Fact]
    public void All_holds_the_four_systems_in_order()
    {
        Assert.Equal(NixSystem.All, SystemSet.All.ToList());
        Assert.Equal(4, SystemSet.All.Count);
        Assert.Equal("x86_64-linux aarch64-linux x86_64-darwin aarch64-darwin", SystemSet.All.ToString());
    }

    [Fact]
    public void Set_operations_follow_the_systems()
    {
        var linux = SystemSet.Of([NixSystem.LinuxX64, NixSystem.LinuxArm64]);
        var arm = SystemSet.Of([NixSystem.LinuxArm64, NixSystem.DarwinArm64]);

        Assert.Equal(SystemSet.Of(NixSystem.LinuxArm64), linux & arm);
        Assert.Equal(3, (linux | arm).Count);
        Assert.Equal(SystemSet.Of(NixSystem.LinuxX64), linux.Except(arm));
        Assert.True(SystemSet.All.IsSupersetOf(linux));
        Assert.False(linux.IsSupersetOf(arm));
        Assert.True(SystemSet.None.IsEmpty);
        Assert.False(linux.Contains(NixSystem.DarwinX64));
    }

    [Fact]
    public void Sets_with_the_same_systems_are_equal_whatever_the_order_they_were_built_in()
    {
        Assert.Equal(
            SystemSet.Of([NixSystem.DarwinArm64, NixSystem.LinuxX64]),
            SystemSet.Of([NixSystem.LinuxX64, NixSystem.DarwinArm64]));
    }
}
