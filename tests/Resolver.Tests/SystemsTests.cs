using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Tests.Support;

namespace Req2Nix.Resolver.Tests;

public class SystemsTests
{
    [Fact]
    public async Task A_darwin_only_dependency_appears_only_with_darwin_systems()
    {
        var index = new InMemoryPackageIndex()
            .Add("app", "1.0", "appnope; sys_platform == 'darwin'", "six")
            .Add("appnope", "0.1")
            .Add("six", "1.15.0");

        var resolution = await Resolve.RunAsync(index, TestManifests.Manifest("app"), TestManifests.AllSystems);

        var darwin = SystemSet.Of([NixSystem.DarwinX64, NixSystem.DarwinArm64]);
        Assert.Equal(darwin, resolution.Packages.Single(p => p.Name.Value == "appnope").Systems);
        Assert.Equal(SystemSet.All, resolution.Packages.Single(p => p.Name.Value == "six").Systems);
        var app = resolution.Packages.Single(p => p.Name.Value == "app");
        Assert.Equal(darwin, app.Dependencies.Single(d => d.Name.Value == "appnope").Systems);
        Assert.Equal(SystemSet.All, app.Dependencies.Single(d => d.Name.Value == "six").Systems);
        Assert.Empty(resolution.Notes);
    }

    [Fact]
    public async Task Systems_that_need_different_versions_fork_with_a_note()
    {
        // 2.0 ships a wheel for Linux only; on macOS the newest usable release is 1.0.
        var index = new InMemoryPackageIndex()
            .Add(new InMemoryRelease("fast", "1.0"))
            .Add(new InMemoryRelease("fast", "2.0") { Files = ["fast-2.0-cp311-cp311-manylinux_2_17_x86_64.whl", "fast-2.0-cp311-cp311-manylinux_2_17_aarch64.whl"] });
        var manifest = TestManifests.Manifest("fast") with
        {
            Index = new IndexSettings { Formats = new FormatControl(new HashSet<string>(), new HashSet<string> { FormatControl.AllProjects }) },
        };

        var resolution = await Resolve.RunAsync(index, manifest, TestManifests.AllSystems);

        var linux = SystemSet.Of([NixSystem.LinuxX64, NixSystem.LinuxArm64]);
        var versions = resolution.Packages.Where(p => p.Name.Value == "fast").ToDictionary(p => p.Version.ToString(), p => p.Systems);
        Assert.Equal(linux, versions["2.0"]);
        Assert.Equal(SystemSet.All.Except(linux), versions["1.0"]);
        Assert.Contains(resolution.Notes, note => note.Contains("fast", StringComparison.Ordinal));
        var linuxFiles = resolution.Packages.Single(p => p.Version.ToString() == "2.0").Files;
        Assert.Equal(2, linuxFiles.Count);
        Assert.All(linuxFiles, file => Assert.Equal(InMemoryPackageIndex.DigestOf(file.Filename), file.Sha256));
    }

    [Fact]
    public async Task Roots_and_optional_dependencies_carry_extras_and_systems()
    {
        var index = new InMemoryPackageIndex()
            .Add("lib", "1.0", "dep; extra == 'x'", "win; sys_platform == 'win32' and extra == 'x'")
            .Add("dep", "1.0")
            .Add("win", "1.0");

        var resolution = await Resolve.RunAsync(index, TestManifests.Manifest("lib[x]"), TestManifests.AllSystems);

        var root = Assert.Single(resolution.Roots);
        Assert.Equal("lib", root.Name.Value);
        Assert.Equal(["x"], root.Extras.Select(e => e.Value));
        Assert.Equal(SystemSet.All, root.Systems);
        var lib = resolution.Packages.Single(p => p.Name.Value == "lib");
        var added = Assert.Single(lib.OptionalDependencies).Value;
        Assert.Equal(["dep"], added.Select(d => d.Name.Value));
        Assert.DoesNotContain(resolution.Packages, p => p.Name.Value == "win");
    }
}
