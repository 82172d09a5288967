using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Tests.Distributions;

public class DistributionFilenameTests
{
    [Fact]
    public void A_wheel_is_read_as_a_wheel()
    {
        var file = DistributionFilename.Parse("pydantic_core-2.23.4-cp311-cp311-macosx_11_0_arm64.whl", PackageName.Parse("pydantic-core"));

        var wheel = Assert.IsType<WheelFilename>(file);
        Assert.Equal(DistributionKind.Wheel, file.Kind);
        Assert.Equal(".whl", file.Extension);
        Assert.Equal("2.23.4", file.VersionText);
        Assert.Equal(["macosx_11_0_arm64"], wheel.PlatformTags);
    }

    [Fact]
    public void An_sdist_is_read_as_an_sdist()
    {
        var file = DistributionFilename.Parse("zope.interface-6.0.tar.gz", PackageName.Parse("zope-interface"));

        Assert.IsType<SdistFilename>(file);
        Assert.Equal(DistributionKind.Sdist, file.Kind);
        Assert.Equal(".tar.gz", file.Extension);
        Assert.Equal("zope.interface", file.NameText);
        Assert.Equal("zope.interface-6.0.tar.gz", file.ToString());
    }

    [Fact]
    public void Without_a_project_both_kinds_parse_when_unambiguous()
    {
        Assert.True(DistributionFilename.TryParse("six-1.16.0-py2.py3-none-any.whl", null, out var wheel));
        Assert.Equal(DistributionKind.Wheel, wheel.Kind);
        Assert.True(DistributionFilename.TryParse("six-1.16.0.tar.gz", null, out var sdist));
        Assert.Equal(DistributionKind.Sdist, sdist.Kind);
    }

    [Theory]
    [InlineData("foo-1.0-py2.7.egg", "foo", "neither a wheel (.whl) nor a source distribution")]
    [InlineData("foo-1.0.win32.exe", "foo", "neither a wheel")]
    [InlineData("foo-1.0.msi", "foo", "neither a wheel")]
    [InlineData("bar-1.0-py3-none-any.whl", "foo", "the wheel is for project 'bar', not 'foo'")]
    [InlineData("bar-1.0.tar.gz", "foo", "does not start with a spelling of the project name 'foo'")]
    [InlineData("foo-1.0-py3.whl", "foo", "5 or 6 parts")]
    public void Other_files_and_other_projects_are_refused(string filename, string project, string reason)
    {
        Assert.False(DistributionFilename.TryParse(filename, PackageName.Parse(project), out var file, out var message));
        Assert.Null(file);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.False(DistributionFilename.TryParse(filename, PackageName.Parse(project), out _));
        var error = Assert.Throws<InvalidFilenameException>(() => DistributionFilename.Parse(filename, PackageName.Parse(project)));
        Assert.Equal(message, error.Message);
    }
}
