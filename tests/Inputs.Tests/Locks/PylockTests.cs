using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Pylock;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>PEP 751 pylock.toml reading and conversion, on the sample in Locks/data.</summary>
public sealed class PylockTests
{
    private static readonly ResolutionTarget Python311 = new(PythonTarget.Parse("3.11"), SystemSet.All);

    [Fact]
    public void The_sample_reads_as_written()
    {
        var lockFile = PylockReader.Read(LockSamples.Read("pylock.toml"));

        Assert.Equal(("1.0", ">=3.10", "uv"), (lockFile.LockVersion, lockFile.RequiresPython, lockFile.CreatedBy));
        Assert.Equal(["cli"], lockFile.Extras);
        Assert.Equal(["dev"], lockFile.DependencyGroups);
        Assert.Equal(["default"], lockFile.DefaultGroups);
        Assert.Equal(12, lockFile.Packages.Count);
        var attrs = lockFile.Packages.Single(p => p.Name == "attrs");
        Assert.Equal(("git", "24.2.0", "c7d5a2a34cbbc1d0a36e1f2f0c7b1fb5d5b9a4a8"), (attrs.Vcs!.Type, attrs.Vcs.RequestedRevision, attrs.Vcs.CommitId));
        var demo = lockFile.Packages.Single(p => p.Name == "demo");
        Assert.Equal((".", true, null), (demo.Directory!.Path, demo.Directory.Editable, demo.Version));
        Assert.Equal("'dev' in dependency_groups", lockFile.Packages.Single(p => p.Name == "pytest").Marker);
    }

    [Fact]
    public void Packages_are_needed_where_their_markers_hold_for_the_default_groups()
    {
        var resolution = PylockReader.Read(LockSamples.Read("pylock.toml")).ToResolution(Python311);

        Assert.Equal(
            ["anyio", "appnope", "attrs", "demo", "idna", "numpy", "sniffio", "tinywheel"],
            resolution.Packages.Select(p => p.Name.Value));
        Assert.Equal(SystemSet.Of([NixSystem.DarwinX64, NixSystem.DarwinArm64]), Find(resolution, "appnope").Systems);
        Assert.Equal(["demo"], resolution.Roots.Select(r => r.Name.Value));
        Assert.Equal(
            ["anyio", "appnope", "attrs", "numpy", "tinywheel"],
            Find(resolution, "demo").Dependencies.Select(d => d.Name.Value));
        // Not the macosx_14_0 wheel: nixpkgs' Darwin systems target macOS 11.
        Assert.Equal(
            ["numpy-2.2.1.tar.gz",
             "numpy-2.2.1-cp311-cp311-macosx_10_9_x86_64.whl",
             "numpy-2.2.1-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
             "numpy-2.2.1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"],
            Find(resolution, "numpy").Files.Select(f => f.Filename));

        var attrs = Assert.IsType<VcsSource>(Find(resolution, "attrs").Source);
        Assert.Equal((VcsKind.Git, "c7d5a2a34cbbc1d0a36e1f2f0c7b1fb5d5b9a4a8"), (attrs.Kind, attrs.Revision));
        var demo = Assert.IsType<LocalPathSource>(Find(resolution, "demo").Source);
        Assert.True(demo.Editable);
        var wheel = Assert.IsType<ArchiveSource>(Find(resolution, "tinywheel").Source);
        Assert.Equal("https://example.com/wheels/tinywheel-1.0-py3-none-any.whl", wheel.Url);
        Assert.NotNull(wheel.Sha256);
    }

    [Fact]
    public void Groups_and_extras_are_the_marker_sets()
    {
        var lockFile = PylockReader.Read(LockSamples.Read("pylock.toml"));

        var dev = lockFile.ToResolution(Python311, new DependencySelection { Groups = ["dev"] });
        var cli = lockFile.ToResolution(Python311, new DependencySelection { Extras = [ExtraName.Parse("cli")] });
        var unknown = lockFile.ToResolution(Python311, new DependencySelection { Groups = ["docs"] });

        Assert.Contains(dev.Packages, p => p.Name.Value == "pytest");
        Assert.Contains(dev.Packages, p => p.Name.Value == "iniconfig");
        Assert.Contains(dev.Roots, r => r.Name.Value == "pytest");
        Assert.Contains(cli.Packages, p => p.Name.Value == "click");
        Assert.DoesNotContain(cli.Packages, p => p.Name.Value == "colorama");
        Assert.Contains(unknown.Notes, note => note.Contains("'docs' is not among the lock's groups", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_outside_the_locks_environments_and_python_are_noted()
    {
        var lockFile = PylockReader.Read("""
            lock-version = "1.0"
            environments = ["sys_platform == 'linux'"]
            requires-python = ">=3.12"
            created-by = "tool"
            packages = []
            """);

        var resolution = lockFile.ToResolution(Python311);

        Assert.Contains(resolution.Notes, note => note.Contains("was not made for x86_64-darwin aarch64-darwin", StringComparison.Ordinal));
        Assert.Contains(resolution.Notes, note => note.Contains("Python >=3.12, which does not include the target Python 3.11.0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lock-version = \"2.0\"\npackages = []\n", 1, 16, "lock-version 2.0 is not supported")]
    [InlineData("packages = []\n", 1, 1, "missing required key 'lock-version'")]
    [InlineData("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\nvcs = { type = \"git\", url = \"u\", commit-id = \"c\" }\nwheels = []\n", 2, 1, "only one of")]
    [InlineData("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\nvcs = { type = \"git\", url = \"u\" }\n", 4, 7, "'commit-id'")]
    [InlineData("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\narchive = { url = \"u\", hashes = {} }\n", 4, 33, "at least one hash")]
    [InlineData("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\nsdist = { hashes = { sha256 = \"x\" } }\n", 4, 9, "a url or a path")]
    [InlineData("lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\nmarker = \"os_name = 'x'\"\n", 4, 19, "invalid marker")]
    public void Bad_locks_fail_with_a_position(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<LockFileException>(() => PylockReader.Read(text).ToResolution(Python311));

        Assert.Equal(new TomlPosition(line, column, "pylock.toml"), error.Position);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    private static ResolvedPackage Find(Resolution resolution, string name) => resolution.Packages.Single(p => p.Name.Value == name);
}
