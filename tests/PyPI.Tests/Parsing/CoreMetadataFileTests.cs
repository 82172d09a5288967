using Req2Nix.PyPI.Metadata;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class CoreMetadataFileTests
{
    [Fact]
    public void Reads_the_fields_resolution_needs()
    {
        var metadata = CoreMetadataFile.Parse("""
            Metadata-Version: 2.1
            Name: Demo.Pkg
            Version: 2.0rc1
            Summary: a demo
            Requires-Python: >=3.7
            Requires-Dist: click>=7
            requires-dist: colorama; platform_system == "Windows"
            Requires-Dist: pytest; extra == "test"
            Provides-Extra: test
            Provides-Extra: Test
            Provides-Extra: not valid!

            Requires-Dist: this is the description, not a header
            """).ToCoreMetadata();

        Assert.Equal("Demo.Pkg", metadata.Name);
        Assert.Equal("2.0rc1", metadata.Version.ToString());
        Assert.Equal(">=3.7", metadata.RequiresPython);
        Assert.Equal(["click>=7", "colorama; platform_system == \"Windows\"", "pytest; extra == \"test\""], metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Empty(metadata.InvalidRequiresDist);
        Assert.Equal(["test"], metadata.ProvidesExtra.Select(e => e.Value));
    }

    [Fact]
    public void Joins_continuation_lines_and_accepts_crlf_and_a_bom()
    {
        var metadata = CoreMetadataFile.Parse("\uFEFFName: demo\r\nVersion: 1.0\r\nRequires-Dist: requests\r\n  >=2.0\r\nSummary: a\r\n\tlong summary\r\n").ToCoreMetadata();

        var requirement = Assert.Single(metadata.RequiresDist);
        Assert.Equal("demo", metadata.Name);
        Assert.Equal("requests", requirement.Name);
        Assert.Equal(">=2.0", requirement.Specifier.ToString());
    }

    [Fact]
    public void Invalid_requires_dist_lines_are_kept_apart()
    {
        var metadata = CoreMetadataFile.Parse("Name: demo\nVersion: 1.0\nRequires-Dist: good\nRequires-Dist: bad (((\n").ToCoreMetadata();

        Assert.Equal("good", Assert.Single(metadata.RequiresDist).Name);
        Assert.Equal(["bad ((("], metadata.InvalidRequiresDist);
    }

    [Theory]
    [InlineData("Version: 1.0\n", "no Name header", 1, 1)]
    [InlineData("Name: demo\n", "no Version header", 1, 1)]
    [InlineData("Name: demo\nVersion: one\n", "Version 'one' is not a PEP 440 version", 2, 10)]
    [InlineData("Name: -bad-\nVersion: 1.0\n", "Name '-bad-' is not a valid project name", 1, 7)]
    public void Unusable_metadata_says_what_and_where(string text, string reason, int line, int column)
    {
        var error = Assert.Throws<CoreMetadataException>(() => CoreMetadataFile.Parse(text).ToCoreMetadata());

        Assert.Equal(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal($"{line}:{column}: {reason}", error.Message);
    }

    [Fact]
    public void A_line_that_is_no_header_ends_the_headers()
    {
        var metadata = CoreMetadataFile.Parse("Name: demo\nVersion: 1.0\nthis is text\nRequires-Dist: hidden\n").ToCoreMetadata();

        Assert.Empty(metadata.RequiresDist);
    }

    [Theory]
    [InlineData("2.1", "", false)]
    [InlineData("2.2", "", true)]
    [InlineData("2.4", "", true)]
    [InlineData("2.2", "Dynamic: Requires-Dist\n", false)]
    [InlineData("2.2", "Dynamic: Summary\n", true)]
    public void Requires_dist_is_final_from_metadata_2_2_unless_dynamic(string version, string extra, bool final)
    {
        var file = CoreMetadataFile.Parse($"Metadata-Version: {version}\nName: demo\nVersion: 1.0\n{extra}");

        Assert.Equal(final, file.RequiresDistIsFinal);
    }
}
