using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Targets;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Targets;

public class CompatibleTagsTests
{
    private static readonly PythonVersion Python311 = new(3, 11);

    /// <summary>The reference lists recorded from pip's packaging (see Data/generate.py): file, system, python, macOS target.</summary>
    public static TheoryData<string, string, string, string?> ReferenceLists() => new()
    {
        { "x86_64-linux-3.11.txt", "x86_64-linux", "3.11", null },
        { "aarch64-linux-3.11.txt", "aarch64-linux", "3.11", null },
        { "x86_64-darwin-3.11.txt", "x86_64-darwin", "3.11", null },
        { "aarch64-darwin-3.11.txt", "aarch64-darwin", "3.11", null },
        { "x86_64-linux-3.7.txt", "x86_64-linux", "3.7", null },
        { "x86_64-darwin-3.12-macos-10.12.txt", "x86_64-darwin", "3.12", "10.12" },
        { "aarch64-darwin-3.13-macos-14.0.txt", "aarch64-darwin", "3.13", "14.0" },
    };

    [Theory]
    [MemberData(nameof(ReferenceLists))]
    public void The_tags_and_their_order_match_pip(string file, string system, string python, string? macos)
    {
        var expected = File.ReadAllLines(Path.Combine(SharedFolder.RepositoryRoot, "tests", "Packaging.Tests", "Targets", "Data", file));
        var tags = new CompatibleTags(
            NixSystem.Parse(system),
            PythonVersion.Parse(python),
            macosDeploymentTarget: macos is null ? null : PlatformVersion.Parse(macos, "macOS"));

        Assert.Equal(expected, tags.Tags.Select(t => t.ToString()));
    }

    [Theory]
    // numpy: one CPython ABI, per-platform builds.
    [InlineData("numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "x86_64-linux")]
    [InlineData("numpy-1.26.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl", "aarch64-linux")]
    [InlineData("numpy-1.26.4-cp311-cp311-macosx_10_9_x86_64.whl", "x86_64-darwin")]
    [InlineData("numpy-1.26.4-cp311-cp311-macosx_11_0_arm64.whl", "aarch64-darwin")]
    [InlineData("numpy-1.26.4-cp311-cp311-musllinux_1_1_x86_64.whl", "")]
    [InlineData("numpy-1.26.4-cp311-cp311-win_amd64.whl", "")]
    [InlineData("numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "")]
    // numpy 2.1 builds its Accelerate variant for macOS 14: newer than nixpkgs' target.
    [InlineData("numpy-2.1.0-cp311-cp311-macosx_14_0_arm64.whl", "")]
    [InlineData("numpy-2.1.0-cp311-cp311-macosx_10_13_x86_64.whl", "x86_64-darwin")]
    // cryptography: abi3 wheels for any CPython from 3.7 or 3.9 on, universal2 for macOS.
    [InlineData("cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl", "x86_64-linux")]
    [InlineData("cryptography-43.0.0-cp39-abi3-manylinux_2_28_aarch64.whl", "aarch64-linux")]
    [InlineData("cryptography-43.0.0-cp39-abi3-musllinux_1_2_x86_64.whl", "")]
    [InlineData("cryptography-43.0.0-cp37-abi3-macosx_10_9_universal2.whl", "x86_64-darwin aarch64-darwin")]
    [InlineData("cryptography-43.0.0-cp39-abi3-win_amd64.whl", "")]
    // pydantic-core: per-ABI builds.
    [InlineData("pydantic_core-2.23.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl", "aarch64-linux")]
    [InlineData("pydantic_core-2.23.4-cp311-cp311-macosx_10_12_x86_64.whl", "x86_64-darwin")]
    [InlineData("pydantic_core-2.23.4-cp311-cp311-macosx_11_0_arm64.whl", "aarch64-darwin")]
    [InlineData("pydantic_core-2.23.4-cp311-none-win_amd64.whl", "")]
    [InlineData("pydantic_core-2.23.4-cp311-cp311-manylinux_2_5_i686.manylinux1_i686.whl", "")]
    // Pure wheels work everywhere.
    [InlineData("six-1.16.0-py2.py3-none-any.whl", "x86_64-linux aarch64-linux x86_64-darwin aarch64-darwin")]
    [InlineData("requests-2.32.3-py3-none-any.whl", "x86_64-linux aarch64-linux x86_64-darwin aarch64-darwin")]
    [InlineData("futures-3.4.0-py2-none-any.whl", "")]
    // Old manylinux names, and glibc newer than nixpkgs'.
    [InlineData("psycopg2_binary-2.9.9-cp311-cp311-manylinux1_x86_64.whl", "x86_64-linux")]
    [InlineData("psycopg2_binary-2.9.9-cp311-cp311-manylinux2010_x86_64.whl", "x86_64-linux")]
    [InlineData("psycopg2_binary-2.9.9-cp311-cp311-manylinux_2_40_x86_64.whl", "x86_64-linux")]
    [InlineData("psycopg2_binary-2.9.9-cp311-cp311-manylinux_2_41_x86_64.whl", "")]
    [InlineData("foo-1.0-cp311-cp311-manylinux_2_16_aarch64.whl", "")]
    [InlineData("foo-1.0-cp311-cp311-linux_x86_64.whl", "")]
    [InlineData("foo-1.0-cp311-cp311-macosx_10_9_intel.whl", "x86_64-darwin")]
    [InlineData("foo-1.0-cp311-cp311-macosx_10_6_universal.whl", "x86_64-darwin")]
    [InlineData("foo-1.0-cp311-cp311-macosx_10_16_arm64.whl", "")]
    public void Real_wheels_install_where_pip_would_install_them(string filename, string systems)
    {
        var wheel = WheelFilename.Parse(filename);
        var expected = systems.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var compatible = NixSystem.All.Where(s => CompatibleTags.IsCompatible(wheel, s, Python311)).Select(s => s.Name);

        Assert.Equal(expected, compatible);
    }

    [Theory]
    [InlineData("cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl", "3.8", false)]
    [InlineData("cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl", "3.9", true)]
    [InlineData("cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl", "3.13", true)]
    [InlineData("foo-1.0-cp311-abi3-manylinux_2_17_x86_64.whl", "3.10", false)]
    [InlineData("foo-1.0-cp38-abi3-any.whl", "3.11", false)]
    [InlineData("foo-1.0-py311-none-any.whl", "3.12", true)]
    [InlineData("foo-1.0-py311-none-any.whl", "3.10", false)]
    [InlineData("foo-1.0-cp311-none-any.whl", "3.11", true)]
    [InlineData("foo-1.0-cp311-none-any.whl", "3.12", false)]
    [InlineData("foo-1.0-py3-none-manylinux_2_17_x86_64.whl", "3.12", true)]
    [InlineData("numpy-1.21.6-cp37-cp37m-manylinux_2_12_x86_64.manylinux2010_x86_64.whl", "3.7", true)]
    [InlineData("numpy-1.21.6-cp37-cp37-manylinux_2_12_x86_64.whl", "3.7", false)]
    public void Python_versions_decide_abi3_and_python_tags(string filename, string python, bool compatible)
    {
        var wheel = WheelFilename.Parse(filename);

        Assert.Equal(compatible, CompatibleTags.IsCompatible(wheel, NixSystem.LinuxX64, PythonVersion.Parse(python)));
    }

    [Fact]
    public void The_platform_limits_are_parameters()
    {
        var glibc228 = new CompatibleTags(NixSystem.LinuxX64, Python311, glibc: new PlatformVersion(2, 28));
        var macos14 = new CompatibleTags(NixSystem.DarwinArm64, Python311, macosDeploymentTarget: new PlatformVersion(14, 0));

        Assert.True(glibc228.IsCompatible(WheelFilename.Parse("cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl")));
        Assert.False(glibc228.IsCompatible(WheelFilename.Parse("foo-1.0-cp311-cp311-manylinux_2_34_x86_64.whl")));
        Assert.True(macos14.IsCompatible(WheelFilename.Parse("numpy-2.1.0-cp311-cp311-macosx_14_0_arm64.whl")));
        Assert.False(macos14.IsCompatible(WheelFilename.Parse("foo-1.0-cp311-cp311-macosx_15_0_arm64.whl")));
        Assert.Equal(new PlatformVersion(2, 28), glibc228.Glibc);
        Assert.Equal(CompatibleTags.NixpkgsMacosDeploymentTarget, glibc228.MacosDeploymentTarget);
        Assert.Equal(new PlatformVersion(14, 0), macos14.MacosDeploymentTarget);
        Assert.Same(NixSystem.DarwinArm64, macos14.System);
        Assert.Equal(Python311, macos14.Python);
    }

    [Fact]
    public void Only_glibc_2_has_manylinux_tags()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompatibleTags(NixSystem.LinuxX64, Python311, glibc: new PlatformVersion(3, 0)));
    }

    [Fact]
    public void Specific_builds_rank_before_abi3_before_pure_wheels()
    {
        var tags = CompatibleTags.For(NixSystem.LinuxX64, Python311);
        var ranked = new[]
        {
            "foo-1.0-py3-none-any.whl",
            "foo-1.0-cp311-none-any.whl",
            "foo-1.0-cp37-abi3-manylinux_2_17_x86_64.whl",
            "foo-1.0-cp311-abi3-manylinux_2_17_x86_64.whl",
            "foo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "foo-1.0-cp311-cp311-manylinux_2_28_x86_64.whl",
            "foo-1.0-py3-none-manylinux_2_17_x86_64.whl",
        }.Select(WheelFilename.Parse).OrderBy(w => tags.Rank(w)).Select(w => w.Filename);

        Assert.Equal(
            [
                "foo-1.0-cp311-cp311-manylinux_2_28_x86_64.whl",
                "foo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "foo-1.0-cp311-abi3-manylinux_2_17_x86_64.whl",
                "foo-1.0-cp37-abi3-manylinux_2_17_x86_64.whl",
                "foo-1.0-py3-none-manylinux_2_17_x86_64.whl",
                "foo-1.0-cp311-none-any.whl",
                "foo-1.0-py3-none-any.whl",
            ],
            ranked);
    }

    [Fact]
    public void On_macOS_the_native_architecture_ranks_before_universal2()
    {
        var tags = CompatibleTags.For(NixSystem.DarwinArm64, Python311);

        var native = tags.Rank(WheelFilename.Parse("foo-1.0-cp311-cp311-macosx_11_0_arm64.whl"));
        var universal = tags.Rank(WheelFilename.Parse("foo-1.0-cp311-cp311-macosx_11_0_universal2.whl"));
        var olderUniversal = tags.Rank(WheelFilename.Parse("foo-1.0-cp311-cp311-macosx_10_9_universal2.whl"));

        Assert.Equal(0, native);
        Assert.True(native < universal && universal < olderUniversal);
        Assert.Null(tags.Rank(WheelFilename.Parse("foo-1.0-cp311-cp311-macosx_11_0_x86_64.whl")));
    }

    [Fact]
    public void The_default_tables_are_shared_and_a_tag_can_be_checked_alone()
    {
        var tags = CompatibleTags.For(NixSystem.LinuxArm64, Python311);

        Assert.Same(tags, CompatibleTags.For(NixSystem.LinuxArm64, Python311));
        Assert.True(tags.IsCompatible(new WheelTag("cp311", "cp311", "manylinux2014_aarch64")));
        Assert.False(tags.IsCompatible(new WheelTag("cp311", "cp311", "manylinux2014_x86_64")));
        Assert.Equal(new WheelTag("cp311", "cp311", "manylinux_2_40_aarch64"), tags.Tags[0]);
    }
}
