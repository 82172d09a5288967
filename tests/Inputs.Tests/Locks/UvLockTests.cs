using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Uv;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>uv.lock reading and conversion, on the samples in Locks/data (a project with forks, extras, a dev group, git; a workspace).</summary>
public sealed class UvLockTests
{
    private static readonly ResolutionTarget Python311 = new(PythonTarget.Parse("3.11"), SystemSet.All);

    private static readonly SystemSet Darwin = SystemSet.Of([NixSystem.DarwinX64, NixSystem.DarwinArm64]);

    [Fact]
    public void The_sample_reads_as_written()
    {
        var lockFile = UvLockReader.Read(LockSamples.Read("uv.lock"));

        Assert.Equal((1L, 2L, ">=3.9"), (lockFile.Version, lockFile.Revision!.Value, lockFile.RequiresPython));
        Assert.Equal(["python_full_version >= '3.10'", "python_full_version < '3.10'"], lockFile.ResolutionMarkers);
        Assert.Equal(22, lockFile.Packages.Count);
        var demo = lockFile.Packages.Single(p => p.Name == "demo");
        Assert.Equal(new UvSource("editable", ".") { Position = demo.Source.Position }, demo.Source);
        Assert.Equal(["click"], demo.OptionalDependencies.Single(e => e.Key == "cli").Value.Select(d => d.Name));
        Assert.Equal(["pytest"], demo.DevDependencies.Single(g => g.Key == "dev").Value.Select(d => d.Name));
        var numpyEdge = demo.Dependencies.First(d => d.Name == "numpy");
        Assert.Equal(("2.0.2", "python_full_version < '3.10'"), (numpyEdge.Version, numpyEdge.Marker));
        var anyio = lockFile.Packages.Single(p => p.Name == "anyio");
        Assert.Equal("anyio-4.7.0.tar.gz", anyio.Sdist!.Filename);
        Assert.StartsWith("sha256:", anyio.Wheels[0].Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_resolves_per_system_with_the_dev_group_by_default()
    {
        var resolution = UvLockReader.Read(LockSamples.Read("uv.lock")).ToResolution(Python311);

        Assert.Equal(
            ["anyio", "appnope", "attrs", "certifi", "charset-normalizer", "idna", "iniconfig", "numpy", "packaging", "pluggy",
             "pysocks", "pytest", "requests", "sniffio", "typing-extensions", "urllib3"],
            resolution.Packages.Select(p => p.Name.Value));
        Assert.Equal(Darwin, Find(resolution, "appnope").Systems);
        Assert.Equal("2.2.1", Find(resolution, "numpy").Version.ToString());
        Assert.Equal(
            ["anyio", "appnope", "attrs", "numpy", "pytest", "requests"],
            resolution.Roots.Select(r => r.Name.Value));
        Assert.Equal(["socks"], resolution.Roots.Single(r => r.Name.Value == "requests").Extras.Select(e => e.Value));
        Assert.Equal(["pysocks"], Find(resolution, "requests").OptionalDependencies.Single().Value.Select(d => d.Name.Value));

        var attrs = Assert.IsType<VcsSource>(Find(resolution, "attrs").Source);
        Assert.Equal(("https://github.com/python-attrs/attrs", "c7d5a2a34cbbc1d0a36e1f2f0c7b1fb5d5b9a4a8"), (attrs.Url, attrs.Revision));

        var lockFile = UvLockReader.Read(LockSamples.Read("uv.lock"));
        var charset = Find(resolution, "charset-normalizer");
        Assert.Equal(
            ["charset_normalizer-3.4.1.tar.gz",
             "charset_normalizer-3.4.1-cp311-cp311-macosx_10_9_universal2.whl",
             "charset_normalizer-3.4.1-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
             "charset_normalizer-3.4.1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
             "charset_normalizer-3.4.1-py3-none-any.whl"],
            charset.Files.Select(f => f.Filename));
        var locked = lockFile.Packages.Single(p => p.Name == "charset-normalizer");
        foreach (var file in charset.Files)
        {
            var distribution = locked.Wheels.Append(locked.Sdist!).Single(d => d.Filename == file.Filename);
            Assert.Equal((distribution.Url, distribution.Hash), (file.Url, file.Sha256.ToPrefixedHex()));
        }
    }

    [Fact]
    public void Selections_and_the_python_version_change_what_is_needed()
    {
        var lockFile = UvLockReader.Read(LockSamples.Read("uv.lock"));

        var mainOnly = lockFile.ToResolution(Python311, DependencySelection.MainOnly);
        var withCli = lockFile.ToResolution(Python311, DependencySelection.MainOnly with { Extras = [ExtraName.Parse("cli")] });
        var python39 = lockFile.ToResolution(new ResolutionTarget(PythonTarget.Parse("3.9"), SystemSet.All));

        Assert.DoesNotContain(mainOnly.Packages, p => p.Name.Value is "pytest" or "click");
        Assert.Contains(withCli.Packages, p => p.Name.Value == "click");
        Assert.DoesNotContain(withCli.Packages, p => p.Name.Value == "colorama");
        Assert.Equal("2.0.2", Find(python39, "numpy").Version.ToString());
        Assert.Contains(python39.Packages, p => p.Name.Value is "exceptiongroup");
        Assert.Contains(python39.Packages, p => p.Name.Value is "tomli");
    }

    [Fact]
    public void A_workspace_without_a_root_project_starts_from_every_member()
    {
        var resolution = UvLockReader.Read(LockSamples.Read("uv-workspace.lock")).ToResolution(Python311);

        Assert.Equal(["lib", "six", "tomli-w"], resolution.Packages.Select(p => p.Name.Value));
        var lib = Find(resolution, "lib");
        Assert.Equal(("packages/lib", true), (((LocalPathSource)lib.Source!).Path, ((LocalPathSource)lib.Source!).Editable));
        Assert.Equal("0", lib.Version.ToString());
        Assert.Contains(resolution.Notes, note => note.Contains("lib has no version", StringComparison.Ordinal));
        var tomliW = Find(resolution, "tomli-w");
        Assert.Equal(SystemSet.Of(NixSystem.DarwinArm64), tomliW.Systems);
        var archive = Assert.IsType<ArchiveSource>(tomliW.Source);
        Assert.Equal("https://example.com/dist/tomli_w-1.1.0-py3-none-any.whl", archive.Url);
        Assert.NotNull(archive.Sha256);
    }

    [Fact]
    public void Other_lock_versions_are_refused()
    {
        var error = Assert.Throws<LockFileException>(() => UvLockReader.Read("version = 2\n"));

        Assert.Equal(new TomlPosition(1, 11, "uv.lock"), error.Position);
        Assert.Contains("uv.lock version 2 is not supported", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requires-python = \">=3.9\"\n", 1, 1, "no 'version'")]
    [InlineData("version = 1\n[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { elsewhere = \"x\" }\n", 5, 10, "names none of")]
    [InlineData("version = 1\n[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { registry = \"r\" }\ndependencies = [{ name = \"b\" }]\n", 6, 17, "names no package")]
    [InlineData("version = 1\n[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { registry = \"r\" }\ndependencies = [\"b\"]\n", 6, 17, "dependency table")]
    [InlineData("version = 1\n[[package]]\nname = \"b\"\nversion = \"1\"\nsource = { registry = \"r\" }\n[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { registry = \"r\" }\ndependencies = [{ name = \"b\", marker = \"python_version >< '3'\" }]\n", 10, 57, "invalid marker")]
    public void Bad_locks_fail_with_a_position(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<LockFileException>(() => UvLockReader.Read(text).ToResolution(Python311));

        Assert.Equal(new TomlPosition(line, column, "uv.lock"), error.Position);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    private static ResolvedPackage Find(Resolution resolution, string name) => resolution.Packages.Single(p => p.Name.Value == name);
}
