using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Targets;

public class TargetVersionTests
{
    [Theory]
    [InlineData("3.11", 11, "311")]
    [InlineData("3.7", 7, "37")]
    [InlineData("3.13", 13, "313")]
    public void Python_versions_parse(string text, int minor, string noDot)
    {
        var version = PythonVersion.Parse(text);

        Assert.Equal(3, version.Major);
        Assert.Equal(minor, version.Minor);
        Assert.Equal(noDot, version.NoDot);
        Assert.Equal(text, version.ToString());
        Assert.Equal(new PythonVersion(3, minor), version);
    }

    [Theory]
    [InlineData("3", 2)]
    [InlineData("3.", 3)]
    [InlineData(".11", 1)]
    [InlineData("3.11.2", 5)]
    [InlineData("3.x", 3)]
    [InlineData("", 1)]
    public void Malformed_Python_versions_are_refused_with_a_column(string text, int column)
    {
        var error = Assert.Throws<InvalidTargetException>(() => PythonVersion.Parse(text));

        Assert.Equal(column, error.Column);
        Assert.Contains("expected major.minor, such as 3.11", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_CPython_3_is_supported()
    {
        Assert.Throws<InvalidTargetException>(() => PythonVersion.Parse("2.7"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PythonVersion(2, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PythonVersion(3, -1));
    }

    [Fact]
    public void Versions_order_numerically()
    {
        Assert.True(PythonVersion.Parse("3.9") < PythonVersion.Parse("3.10"));
        Assert.True(PythonVersion.Parse("3.10") >= PythonVersion.Parse("3.10"));
        Assert.True(PythonVersion.Parse("3.12") > PythonVersion.Parse("3.9"));
        Assert.True(PythonVersion.Parse("3.8") <= PythonVersion.Parse("3.9"));
        Assert.True(PlatformVersion.Parse("2.9", "glibc") < PlatformVersion.Parse("2.40", "glibc"));
        Assert.True(PlatformVersion.Parse("10.16", "macOS") < PlatformVersion.Parse("11.0", "macOS"));
        Assert.True(new PlatformVersion(11, 0) >= new PlatformVersion(11, 0));
        Assert.True(new PlatformVersion(12, 0) > new PlatformVersion(11, 3));
        Assert.True(new PlatformVersion(11, 0) <= new PlatformVersion(11, 3));
        Assert.Equal("2.40", new PlatformVersion(2, 40).ToString());
    }

    [Fact]
    public void Malformed_platform_versions_name_what_was_expected()
    {
        var error = Assert.Throws<InvalidTargetException>(() => PlatformVersion.Parse("2.x", "glibc"));

        Assert.Equal(3, error.Column);
        Assert.Contains("'2.x' is not a glibc version; expected major.minor, such as 2.40", error.Reason, StringComparison.Ordinal);
        Assert.Contains("such as 11.0", Assert.Throws<InvalidTargetException>(() => PlatformVersion.Parse("11", "macOS")).Reason, StringComparison.Ordinal);
    }
}
