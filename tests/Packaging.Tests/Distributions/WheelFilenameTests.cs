using Req2Nix.Packaging.Distributions;

namespace Req2Nix.Packaging.Tests.Distributions;

public class WheelFilenameTests
{
    [Fact]
    public void A_platform_wheel_with_a_compressed_platform_set()
    {
        var wheel = WheelFilename.Parse("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");

        Assert.Equal(DistributionKind.Wheel, wheel.Kind);
        Assert.Equal("numpy", wheel.NameText);
        Assert.Equal("numpy", wheel.Name.Value);
        Assert.Equal("2.1.0", wheel.VersionText);
        Assert.Null(wheel.BuildTag);
        Assert.Equal(".whl", wheel.Extension);
        Assert.Equal(["cp312"], wheel.PythonTags);
        Assert.Equal(["cp312"], wheel.AbiTags);
        Assert.Equal(["manylinux_2_17_x86_64", "manylinux2014_x86_64"], wheel.PlatformTags);
        Assert.Equal(
            [new WheelTag("cp312", "cp312", "manylinux_2_17_x86_64"), new WheelTag("cp312", "cp312", "manylinux2014_x86_64")],
            wheel.Tags);
        Assert.False(wheel.IsPure);
        Assert.Equal(wheel.Filename, wheel.ToString());
    }

    [Fact]
    public void Wheels_that_spell_a_tag_set_alike_share_its_tags()
    {
        var older = WheelFilename.Parse("six-1.15.0-py2.py3-none-any.whl");
        var newer = WheelFilename.Parse("six-1.16.0-py2.py3-none-any.whl");

        Assert.Same(older.PythonTags, newer.PythonTags);
        Assert.Same(older.AbiTags, newer.AbiTags);
        Assert.Same(older.PlatformTags, newer.PlatformTags);
        Assert.Equal(["py2", "py3"], newer.PythonTags);
    }

    [Fact]
    public void Tags_spelled_in_capitals_are_read_lower_case_and_kept_apart_from_the_lower_case_spelling()
    {
        var upper = WheelFilename.Parse("pkg-1.0-PY2.Py3-NONE-Any.whl");
        var lower = WheelFilename.Parse("pkg-1.0-py2.py3-none-any.whl");

        Assert.Equal(["py2", "py3"], upper.PythonTags);
        Assert.Equal(["none"], upper.AbiTags);
        Assert.Equal(["any"], upper.PlatformTags);
        Assert.True(upper.IsPure);
        Assert.Equal(lower.Tags, upper.Tags);
    }

    [Fact]
    public void A_pure_wheel_for_both_pythons()
    {
        var wheel = WheelFilename.Parse("six-1.16.0-py2.py3-none-any.whl");

        Assert.True(wheel.IsPure);
        Assert.Equal(["py2", "py3"], wheel.PythonTags);
        Assert.Equal(["py2-none-any", "py3-none-any"], wheel.Tags.Select(t => t.ToString()));
    }

    [Fact]
    public void An_abi3_wheel()
    {
        var wheel = WheelFilename.Parse("cryptography-43.0.0-cp39-abi3-manylinux_2_28_aarch64.whl");

        Assert.Equal(new WheelTag("cp39", "abi3", "manylinux_2_28_aarch64"), Assert.Single(wheel.Tags));
        Assert.False(wheel.IsPure);
    }

    [Theory]
    [InlineData("pydantic_core-2.23.4-cp311-cp311-macosx_11_0_arm64.whl", "pydantic_core", "pydantic-core")]
    [InlineData("zope.interface-6.0-cp311-cp311-macosx_11_0_arm64.whl", "zope.interface", "zope-interface")]
    [InlineData("Twisted-22.4.0-py3-none-any.whl", "Twisted", "twisted")]
    [InlineData("typing_extensions-4.12.2-py3-none-any.whl", "typing_extensions", "typing-extensions")]
    [InlineData("ruamel.yaml.clib-0.2.8-cp311-cp311-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "ruamel.yaml.clib", "ruamel-yaml-clib")]
    public void The_name_keeps_its_spelling_and_normalizes(string filename, string nameText, string name)
    {
        var wheel = WheelFilename.Parse(filename);

        Assert.Equal(nameText, wheel.NameText);
        Assert.Equal(name, wheel.Name.Value);
    }

    [Theory]
    [InlineData("pkg-1.0-1-py3-none-any.whl", 1L, "")]
    [InlineData("pkg-1.0-2b-py3-none-any.whl", 2L, "b")]
    [InlineData("pkg-1.0-007_x.y-py3-none-any.whl", 7L, "_x.y")]
    public void Build_tags_split_into_number_and_rest(string filename, long number, string rest)
    {
        var wheel = WheelFilename.Parse(filename);

        Assert.Equal(new WheelBuildTag(number, rest), wheel.BuildTag);
        Assert.Equal("1.0", wheel.VersionText);
        Assert.True(wheel.IsPure);
    }

    [Fact]
    public void Build_tags_order_by_number_then_rest_and_none_ranks_lowest()
    {
        var tags = new WheelBuildTag?[] { new(10, ""), null, new(2, "b"), new(2, ""), new(2, "a"), new(1, "z") }.ToList();

        tags.Sort(Nullable.Compare);

        Assert.Equal([null, new(1, "z"), new(2, ""), new(2, "a"), new(2, "b"), new(10, "")], tags);
        Assert.True(new WheelBuildTag(2, "") < new WheelBuildTag(10, ""));
        Assert.True(new WheelBuildTag(2, "b") > new WheelBuildTag(2, "a"));
        Assert.True(new WheelBuildTag(2, "b") >= new WheelBuildTag(2, "b"));
        Assert.True(new WheelBuildTag(2, "b") <= new WheelBuildTag(3, ""));
        Assert.Equal("2b", new WheelBuildTag(2, "b").ToString());
    }

    [Fact]
    public void Tags_are_lower_cased()
    {
        var wheel = WheelFilename.Parse("Foo-1.0-PY3-NONE-ANY.whl");

        Assert.Equal(new WheelTag("py3", "none", "any"), Assert.Single(wheel.Tags));
        Assert.True(wheel.IsPure);
        Assert.Equal("Foo", wheel.NameText);
    }

    [Theory]
    [InlineData("foo-1.0.tar.gz", 1, "ends with '.whl'")]
    [InlineData("foo-1.0-py3-none-any.WHL", 1, "ends with '.whl'")]
    [InlineData("foo.whl", 1, "5 or 6 parts separated by '-'")]
    [InlineData("foo-1.0-py3-none.whl", 1, "not 4")]
    [InlineData("foo-1.0-1-2-py3-none-any.whl", 1, "not 7")]
    [InlineData("foo-1.0-x1-py3-none-any.whl", 9, "the build tag must start with a digit")]
    [InlineData("foo-1.0-99999999999999999999-py3-none-any.whl", 9, "the build number is too large")]
    [InlineData("foo-1.0-1+x-py3-none-any.whl", 10, "'+' cannot appear in a build tag")]
    [InlineData("foo-1.0-py3..py2-none-any.whl", 13, "empty python tag")]
    [InlineData("foo-1.0-py3-none.-any.whl", 18, "empty ABI tag")]
    [InlineData("foo-1.0-py3-none-any..whl", 22, "empty platform tag")]
    [InlineData("foo-1.0-py3-none-any+x.whl", 21, "'+' cannot appear in a platform tag")]
    [InlineData("foo--py3-none-any.whl", 5, "the version is empty")]
    [InlineData("foo-1.0 -py3-none-any.whl", 8, "U+0020 cannot appear in a version")]
    [InlineData("_foo-1.0-py3-none-any.whl", 1, "starts with '_'")]
    [InlineData("foo!-1.0-py3-none-any.whl", 4, "contains '!'")]
    [InlineData("-1.0-py3-none-any-x.whl", 1, "the project name is empty")]
    public void Malformed_names_are_refused_with_a_reason_and_column(string filename, int column, string reason)
    {
        Assert.False(WheelFilename.TryParse(filename, out var wheel, out var message));
        Assert.Null(wheel);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.StartsWith($"'{filename}', column {column}: ", message, StringComparison.Ordinal);
        Assert.False(WheelFilename.TryParse(filename, out _));

        var error = Assert.Throws<InvalidFilenameException>(() => WheelFilename.Parse(filename));
        Assert.Equal(column, error.Column);
        Assert.Equal(filename, error.Filename);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(message, error.Message);
    }
}
