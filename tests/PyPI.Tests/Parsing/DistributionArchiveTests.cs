using System.Text;
using Req2Nix.PyPI.Archives;
using Req2Nix.PyPI.Metadata;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class DistributionArchiveTests
{
    private const string Metadata = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: click>=7\n";

    [Fact]
    public void Reads_a_wheels_dist_info_metadata()
    {
        var wheel = ArchiveBuilder.Zip(
            ("demo/__init__.py", ""),
            ("demo-1.0.dist-info/METADATA", Metadata),
            ("demo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n"));

        var metadata = DistributionArchive.ReadCoreMetadata(wheel, "demo-1.0-py3-none-any.whl");

        Assert.Equal("click>=7", Assert.Single(metadata.RequiresDist).ToString());
    }

    [Fact]
    public void Picks_the_wheels_own_dist_info_when_there_are_several()
    {
        var wheel = ArchiveBuilder.Zip(
            ("vendored-2.0.dist-info/METADATA", "Name: vendored\nVersion: 2.0\n"),
            ("demo-1.0.dist-info/METADATA", Metadata));

        Assert.Equal("demo", DistributionArchive.ReadCoreMetadata(wheel, "demo-1.0-py3-none-any.whl").Name);
    }

    [Fact]
    public void A_nested_metadata_file_is_not_the_wheels()
    {
        var wheel = ArchiveBuilder.Zip(("demo/_vendor/x-1.0.dist-info/METADATA", Metadata));

        var error = Assert.Throws<DistributionArchiveException>(() => DistributionArchive.ReadCoreMetadata(wheel, "demo-1.0-py3-none-any.whl"));
        Assert.Contains("no *.dist-info/METADATA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_an_sdists_pkg_info()
    {
        var sdist = ArchiveBuilder.TarGz(("demo-1.0/PKG-INFO", Metadata), ("demo-1.0/pyproject.toml", "[build-system]\n"));

        var metadata = DistributionArchive.ReadCoreMetadata(sdist, "demo-1.0.tar.gz");

        Assert.Equal("click>=7", Assert.Single(metadata.RequiresDist).ToString());
    }

    [Fact]
    public void Reads_egg_info_requires_when_pkg_info_lists_no_dependencies()
    {
        var sdist = ArchiveBuilder.TarGz(
            ("./demo-1.0/PKG-INFO", "Metadata-Version: 1.2\nName: demo\nVersion: 1.0\n"),
            ("./demo-1.0/src/demo.egg-info/requires.txt", "ignored\n"),
            ("./demo-1.0/demo.egg-info/requires.txt", "six>=1.0\n\n[socks]\nPySocks!=1.5.7\n\n[:python_version < \"3\"]\nenum34\n"));

        var metadata = DistributionArchive.ReadCoreMetadata(sdist, "demo-1.0.tar.gz");

        Assert.Equal(
            ["six>=1.0", "PySocks!=1.5.7; extra == \"socks\"", "enum34; python_version < \"3\""],
            metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(["socks"], metadata.ProvidesExtra.Select(e => e.Value));
    }

    [Fact]
    public void Metadata_2_2_without_dynamic_requires_dist_is_final_even_when_empty()
    {
        var sdist = ArchiveBuilder.TarGz(
            ("demo-1.0/PKG-INFO", "Metadata-Version: 2.2\nName: demo\nVersion: 1.0\n"),
            ("demo-1.0/demo.egg-info/requires.txt", "six\n"));

        Assert.Empty(DistributionArchive.ReadCoreMetadata(sdist, "demo-1.0.tar.gz").RequiresDist);
    }

    [Fact]
    public void Reads_a_zip_sdist()
    {
        var sdist = ArchiveBuilder.Zip(("demo-1.0/PKG-INFO", Metadata));

        Assert.Equal("demo", DistributionArchive.ReadCoreMetadata(sdist, "demo-1.0.zip").Name);
    }

    [Fact]
    public void Reads_a_member_of_an_sdists_top_folder()
    {
        var sdist = ArchiveBuilder.TarGz(("demo-1.0/PKG-INFO", Metadata), ("demo-1.0/pyproject.toml", "[build-system]\nrequires = []\n"), ("demo-1.0/sub/pyproject.toml", "no"));

        var member = DistributionArchive.ReadSdistMember(sdist, "demo-1.0.tar.gz", "pyproject.toml");

        Assert.Equal("[build-system]\nrequires = []\n", Encoding.UTF8.GetString(member!));
        Assert.Null(DistributionArchive.ReadSdistMember(sdist, "demo-1.0.tar.gz", "setup.py"));
    }

    [Theory]
    [InlineData("demo-1.0.tar.bz2", "not supported")]
    [InlineData("demo-1.0.tar.gz", "damaged")]
    [InlineData("demo-1.0-py3-none-any.whl", "damaged")]
    public void Unreadable_archives_say_why(string filename, string reason)
    {
        var error = Assert.Throws<DistributionArchiveException>(() => DistributionArchive.ReadCoreMetadata(new byte[] { 1, 2, 3, 4 }, filename));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(filename, error.Filename);
    }

    [Fact]
    public void Metadata_that_is_unusable_is_a_core_metadata_error()
    {
        var wheel = ArchiveBuilder.Zip(("demo-1.0.dist-info/METADATA", "Name: demo\n"));

        Assert.Throws<CoreMetadataException>(() => DistributionArchive.ReadCoreMetadata(wheel, "demo-1.0-py3-none-any.whl"));
    }
}
