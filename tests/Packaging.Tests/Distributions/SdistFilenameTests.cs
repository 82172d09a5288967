using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Tests.Distributions;

public class SdistFilenameTests
{
    [Theory]
    [InlineData("requests-2.32.3.tar.gz", "requests", "requests", "2.32.3", ".tar.gz")]
    [InlineData("zope.interface-6.0.tar.gz", "zope-interface", "zope.interface", "6.0", ".tar.gz")]
    [InlineData("zope_interface-7.0.tar.gz", "zope.interface", "zope_interface", "7.0", ".tar.gz")]
    [InlineData("Twisted-22.4.0.tar.gz", "twisted", "Twisted", "22.4.0", ".tar.gz")]
    [InlineData("typing_extensions-4.12.2.tar.gz", "typing-extensions", "typing_extensions", "4.12.2", ".tar.gz")]
    [InlineData("python-dateutil-2.8.2.tar.gz", "python-dateutil", "python-dateutil", "2.8.2", ".tar.gz")]
    [InlineData("backports.zoneinfo-0.2.1.tar.gz", "backports-zoneinfo", "backports.zoneinfo", "0.2.1", ".tar.gz")]
    [InlineData("PyYAML-3.13.zip", "pyyaml", "PyYAML", "3.13", ".zip")]
    [InlineData("pytz-2011k.tar.bz2", "pytz", "pytz", "2011k", ".tar.bz2")]
    [InlineData("foo-1.0.tar.xz", "foo", "foo", "1.0", ".tar.xz")]
    [InlineData("foo-1.0.tgz", "foo", "foo", "1.0", ".tgz")]
    [InlineData("foo-1.0.tar", "foo", "foo", "1.0", ".tar")]
    [InlineData("Foo-1.0.TAR.GZ", "foo", "Foo", "1.0", ".TAR.GZ")]
    [InlineData("foo-1.0-1.tar.gz", "foo", "foo", "1.0-1", ".tar.gz")]
    [InlineData("foo-bar-1.0.dev0+local.tar.gz", "Foo_Bar", "foo-bar", "1.0.dev0+local", ".tar.gz")]
    public void With_the_project_name_the_split_follows_it(string filename, string project, string nameText, string version, string extension)
    {
        var sdist = SdistFilename.Parse(filename, PackageName.Parse(project));

        Assert.Equal(DistributionKind.Sdist, sdist.Kind);
        Assert.Equal(nameText, sdist.NameText);
        Assert.Equal(PackageName.Parse(project), sdist.Name);
        Assert.Equal(version, sdist.VersionText);
        Assert.Equal(extension, sdist.Extension);
        Assert.Equal(filename, sdist.Filename);
    }

    [Theory]
    [InlineData("typing_extensions-4.12.2.tar.gz", "typing_extensions", "typing-extensions", "4.12.2")]
    [InlineData("zope.interface-6.0.zip", "zope.interface", "zope-interface", "6.0")]
    [InlineData("Django-5.0.tar.gz", "Django", "django", "5.0")]
    public void Without_the_project_name_a_single_dash_splits(string filename, string nameText, string name, string version)
    {
        Assert.True(SdistFilename.TryParse(filename, null, out var sdist, out var reason), reason);

        Assert.Equal(nameText, sdist.NameText);
        Assert.Equal(name, sdist.Name.Value);
        Assert.Equal(version, sdist.VersionText);
    }

    [Theory]
    [InlineData("python-dateutil-2.8.2.tar.gz", null, 16, "ambiguous")]
    [InlineData("foo.tar.gz", null, 1, "no '-' separates the name from the version")]
    [InlineData("requests-2.0.tar.gz", "urllib3", 1, "does not start with a spelling of the project name 'urllib3'")]
    [InlineData("requests2-2.0.tar.gz", "requests", 1, "does not start with a spelling of the project name 'requests'")]
    [InlineData("foo-.tar.gz", "foo", 5, "the version is empty")]
    [InlineData("foo-1.0 beta.tar.gz", "foo", 8, "U+0020 cannot appear in a version")]
    [InlineData("foo-1.0.whl", "foo", 1, "ends with one of .tar.gz, .tar.bz2, .tar.xz, .tgz, .tar, .zip")]
    [InlineData("foo-1.0.egg", null, 1, "ends with one of")]
    [InlineData("fo!o-1.0.tar.gz", null, 3, "contains '!'")]
    public void Unreadable_names_are_refused_with_a_reason_and_column(string filename, string? project, int column, string reason)
    {
        PackageName? expected = project is null ? null : PackageName.Parse(project);

        Assert.False(SdistFilename.TryParse(filename, expected, out var sdist, out var message));
        Assert.Null(sdist);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.False(SdistFilename.TryParse(filename, expected, out _));
        var error = Assert.Throws<InvalidFilenameException>(() => SdistFilename.Parse(filename, expected));
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Pip_splits_at_the_first_prefix_that_spells_the_project()
    {
        // As pip does, "python" claims "python-dateutil-…"; the version text then fails PEP 440 later.
        var sdist = SdistFilename.Parse("python-dateutil-2.8.2.tar.gz", PackageName.Parse("python"));

        Assert.Equal("python", sdist.NameText);
        Assert.Equal("dateutil-2.8.2", sdist.VersionText);
    }

    [Fact]
    public void The_known_extensions_are_listed_longest_match_first()
    {
        Assert.Equal([".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".zip"], SdistFilename.Extensions);
    }
}
