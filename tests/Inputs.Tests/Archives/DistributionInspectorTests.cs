using System.Diagnostics;
using Req2Nix.Inputs.Archives;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Tests.Shared;
using static Req2Nix.Inputs.Tests.Archives.TestArchives;

namespace Req2Nix.Inputs.Tests.Archives;

public class DistributionInspectorTests
{
    private static readonly string Packages = Path.Combine(SharedFolder.RepositoryRoot, "fixtures", "data", "index", "packages");

    private static string[] Requires(DistributionInspection inspection) =>
        [.. inspection.BuildRequires!.Select(r => r.ToString())];

    [Fact]
    public void A_mirror_sdist_gives_its_build_requirements_and_package()
    {
        var path = Path.Combine(Packages, "source", "e", "edge-sdist-only", "edge-sdist-only-1.0.0.tar.gz");

        var inspection = DistributionInspector.Inspect(Path.GetFileName(path), File.ReadAllBytes(path));

        Assert.Equal(["setuptools>=40.8.0", "wheel"], Requires(inspection));
        Assert.Equal(["edge_sdist_only"], inspection.TopLevelModules);
        Assert.Empty(inspection.Warnings);
    }

    [Fact]
    public void A_mirror_wheel_gives_its_top_level_txt()
    {
        var path = Path.Combine(Packages, "py3", "E", "Edge_Capitalised", "Edge_Capitalised-1.1.0-py3-none-any.whl");

        var inspection = DistributionInspector.Inspect(Path.GetFileName(path), File.ReadAllBytes(path));

        Assert.Null(inspection.BuildRequires);
        Assert.Equal(["edge_capitalised"], inspection.TopLevelModules);
    }

    /// <summary>Every file of the recorded mirror: sdists say how they build, and a release's sdist and wheel agree on what they install.</summary>
    [Fact]
    public void Every_mirror_file_is_inspected_and_sdists_agree_with_their_wheels()
    {
        var files = Directory.EnumerateFiles(Packages, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".metadata", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var modules = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var file in files)
        {
            var content = File.ReadAllBytes(file);
            bytes += content.Length;
            var inspection = DistributionInspector.Inspect(Path.GetFileName(file), content);
            Assert.True(inspection.TopLevelModules.Count > 0, file);
            Assert.Empty(inspection.Warnings);
            if (file.EndsWith(".tar.gz", StringComparison.Ordinal))
            {
                Assert.NotNull(inspection.BuildRequires);
            }
            var project = PackageName.Parse(Path.GetFileName(Path.GetDirectoryName(file)!));
            var distribution = DistributionFilename.Parse(Path.GetFileName(file), project);
            var key = $"{distribution.Name} {distribution.VersionText}";
            if (modules.TryGetValue(key, out var other))
            {
                Assert.Equal(other, inspection.TopLevelModules);
            }
            modules[key] = inspection.TopLevelModules;
        }
        Assert.True(files.Length > 700, $"only {files.Length} files");
        Console.WriteLine($"inspected {files.Length} files ({bytes / 1024} KiB) in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_setup_py_only_zip_sdist_builds_with_setuptools_and_its_egg_info_names_the_modules()
    {
        var zip = Zip(
            ("legacy-1.0/setup.py", "from setuptools import setup; setup()"),
            ("legacy-1.0/legacy.egg-info/top_level.txt", "legacy\nlegacy_helpers\n\n"),
            ("legacy-1.0/legacy/__init__.py", string.Empty),
            ("legacy-1.0/tests/__init__.py", string.Empty));

        var inspection = DistributionInspector.Inspect("legacy-1.0.zip", zip);

        Assert.Equal(["setuptools>=40.8.0", "wheel"], Requires(inspection));
        Assert.Equal(["legacy", "legacy_helpers"], inspection.TopLevelModules);
    }

    [Fact]
    public void A_tar_bz2_sdist_is_read()
    {
        var archive = TarBz2(
            ("old-0.1/pyproject.toml", "[build-system]\nrequires = [\"flit_core >=3.2,<4\"]\nbuild-backend = \"flit_core.buildapi\"\n"),
            ("old-0.1/old.py", "x = 1"));

        var inspection = DistributionInspector.Inspect("old-0.1.tar.bz2", archive);

        Assert.Equal(["flit_core<4,>=3.2"], Requires(inspection));
        Assert.Equal(["old"], inspection.TopLevelModules);
    }

    [Fact]
    public void The_src_layout_wins_and_the_flat_layout_leaves_out_tests_docs_and_setup()
    {
        var src = TarGz(
            ("p-1/pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\n"),
            ("p-1/src/pkg/__init__.py", string.Empty),
            ("p-1/src/pkg/sub/__init__.py", string.Empty),
            ("p-1/src/single.py", string.Empty),
            ("p-1/tests/__init__.py", string.Empty));
        var flat = TarGz(
            ("q-1/setup.py", string.Empty),
            ("q-1/conftest.py", string.Empty),
            ("q-1/q/__init__.py", string.Empty),
            ("q-1/docs/__init__.py", string.Empty),
            ("q-1/tests/__init__.py", string.Empty),
            ("q-1/data/readme.txt", string.Empty),
            ("q-1/_private.py", string.Empty),
            ("q-1/tool.py", string.Empty));

        Assert.Equal(["pkg", "single"], DistributionInspector.Inspect("p-1.tar.gz", src).TopLevelModules);
        Assert.Equal(["q", "tool"], DistributionInspector.Inspect("q-1.tar.gz", flat).TopLevelModules);
    }

    [Fact]
    public void Pyproject_without_a_build_system_table_means_the_setuptools_default()
    {
        var archive = TarGz(("p-1/pyproject.toml", "[tool.black]\nline-length = 100\n"), ("p-1/p.py", string.Empty));

        Assert.Equal(["setuptools>=40.8.0", "wheel"], Requires(DistributionInspector.Inspect("p-1.tar.gz", archive)));
    }

    [Fact]
    public void Unreadable_build_information_is_a_warning_not_a_failure()
    {
        var badToml = TarGz(("p-1/pyproject.toml", "[build-system\nrequires = 1"), ("p-1/p.py", string.Empty));
        var badRequirement = TarGz(("p-1/pyproject.toml", "[build-system]\nrequires = [\"setuptools\", \"not a requirement!\", 3]\n"));
        var nothing = TarGz(("p-1/p.py", string.Empty));
        var noRequires = TarGz(("p-1/pyproject.toml", "[build-system]\nbuild-backend = \"x\"\n"));

        var toml = DistributionInspector.Inspect("p-1.tar.gz", badToml);
        Assert.Null(toml.BuildRequires);
        Assert.Contains(toml.Warnings, w => w.Contains("p-1/pyproject.toml:1:", StringComparison.Ordinal));
        var requirement = DistributionInspector.Inspect("p-1.tar.gz", badRequirement);
        Assert.Equal(["setuptools"], Requires(requirement));
        Assert.Equal(2, requirement.Warnings.Count);
        Assert.Null(DistributionInspector.Inspect("p-1.tar.gz", nothing).BuildRequires);
        Assert.Null(DistributionInspector.Inspect("p-1.tar.gz", noRequires).BuildRequires);
    }

    [Fact]
    public void A_wheel_without_top_level_txt_is_read_from_its_record_data_scheme_included()
    {
        var wheel = Zip(
            ("x-1.dist-info/RECORD", "xpkg/__init__.py,sha256=a,1\n\"odd,name.py\",,\n_xext.cpython-311-x86_64-linux-gnu.so,,\nx-1.data/purelib/extra/__init__.py,,\nx-1.data/scripts/tool,,\nx-1.dist-info/METADATA,,\n__pycache__/a.pyc,,\n"),
            ("xpkg/__init__.py", string.Empty));

        Assert.Equal(["_xext", "extra", "xpkg"], DistributionInspector.Inspect("x-1-cp311-cp311-linux_x86_64.whl", wheel).TopLevelModules);
    }

    [Fact]
    public void A_wheel_without_record_or_top_level_is_read_from_its_files()
    {
        var wheel = Zip(("y/__init__.py", string.Empty), ("y_mod.py", string.Empty), ("y-1.dist-info/METADATA", string.Empty));

        Assert.Equal(["y", "y_mod"], DistributionInspector.Inspect("y-1-py3-none-any.whl", wheel).TopLevelModules);
    }

    [Fact]
    public void Paths_that_leave_the_archive_are_ignored()
    {
        var tar = TarGz(
            ("../evil/__init__.py", string.Empty),
            ("/abs/__init__.py", string.Empty),
            ("p-1/../../escape.py", string.Empty),
            ("p-1/ok/__init__.py", string.Empty));
        var zip = Zip(("../../evil.py", string.Empty), ("C:/windows.py", string.Empty), ("ok/__init__.py", string.Empty));

        Assert.Equal(["ok"], DistributionInspector.Inspect("p-1.tar.gz", tar).TopLevelModules);
        Assert.Equal(["ok"], DistributionInspector.Inspect("ok-1-py3-none-any.whl", zip).TopLevelModules);
    }

    [Fact]
    public void A_tar_bomb_stops_at_the_uncompressed_cap()
    {
        var bomb = TarGz(new (string, byte[])[] { ("p-1/p.py", []), ("p-1/zeros.bin", new byte[64 * 1024 * 1024]) });
        Assert.True(bomb.Length < 1024 * 1024);

        var error = Assert.Throws<ArchiveException>(() =>
            DistributionInspector.Inspect("p-1.tar.gz", bomb, new ArchiveLimits { MaxUncompressedBytes = 8 * 1024 * 1024 }));

        Assert.Contains("unpacks to more than 8388608 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_in_a_metadata_file_is_not_read_and_other_entries_are_never_unpacked()
    {
        var bomb = Zip(new (string, byte[])[]
        {
            ("p-1/pyproject.toml", new byte[32 * 1024 * 1024]),
            ("p-1/zeros.bin", new byte[64 * 1024 * 1024]),
            ("p-1/p.py", []),
        });
        var limits = new ArchiveLimits { MaxMetadataFileBytes = 1024 * 1024, MaxUncompressedBytes = 4 * 1024 * 1024 };

        var inspection = DistributionInspector.Inspect("p-1.zip", bomb, limits);

        Assert.Contains(inspection.Warnings, w => w.Contains("larger than 1048576 bytes", StringComparison.Ordinal));
        Assert.Equal(["p"], inspection.TopLevelModules);
        var tight = limits with { MaxMetadataFileBytes = 64 * 1024 * 1024 };
        Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.zip", bomb, tight));
    }

    [Fact]
    public void Entry_counts_are_capped_before_the_entries_are_read()
    {
        var many = Enumerable.Range(0, 101).Select(i => ($"p-1/m{i}.py", Array.Empty<byte>())).ToArray();
        var limits = new ArchiveLimits { MaxEntries = 100 };

        Assert.Contains("101 entries", Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.zip", Zip(many), limits)).Message, StringComparison.Ordinal);
        Assert.Contains("more than 100 entries", Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.tar.gz", TarGz(many), limits)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_over_the_compressed_cap_corrupt_files_and_unknown_kinds_are_archive_errors()
    {
        var archive = TarGz(("p-1/p.py", string.Empty));
        var corrupt = archive.ToArray();
        corrupt.AsSpan(10, 20).Fill(0xFF);

        Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.tar.gz", archive, new ArchiveLimits { MaxCompressedBytes = 10 }));
        Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.tar.gz", corrupt));
        Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.zip", archive));
        Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1-py3-none-any.whl", "PK\u0005\u0006"u8.ToArray()));
        Assert.Contains("not a wheel or an sdist", Assert.Throws<ArchiveException>(() => DistributionInspector.Inspect("p-1.tar.xz", archive)).Message, StringComparison.Ordinal);
    }
}
