using System.Text;
using Req2Nix.PyPI.JsonApi;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class ReleaseDocumentReaderTests
{
    [Fact]
    public void Reads_the_dependency_data_of_info_and_skips_the_rest()
    {
        var metadata = ReleaseDocumentReader.Read(Encoding.UTF8.GetBytes("""
            {"last_serial":1,"releases":{"1.0":[{"x":[1,2,{"y":null}]}]},
             "info":{"description":"long\ntext","name":"Demo.Pkg","version":"1.0.post1","requires_python":">=3.6",
                     "requires_dist":["click (>=7)","colorama ; platform_system == \"Windows\"","not a requirement ((("],
                     "provides_extra":["Dev","dev","bad extra"],"project_urls":{"a":"b"}},
             "urls":[{"filename":"a"}]}
            """));

        Assert.NotNull(metadata);
        Assert.Equal("Demo.Pkg", metadata.Name);
        Assert.Equal("1.0.post1", metadata.Version.ToString());
        Assert.Equal(">=3.6", metadata.RequiresPython);
        Assert.Equal(["click>=7", "colorama; platform_system == \"Windows\""], metadata.RequiresDist.Select(r => r.ToString()));
        Assert.Equal(["not a requirement ((("], metadata.InvalidRequiresDist);
        Assert.Equal(["dev"], metadata.ProvidesExtra.Select(e => e.Value));
    }

    [Fact]
    public void A_null_requires_dist_means_the_dependencies_are_unknown()
    {
        Assert.Null(ReleaseDocumentReader.Read("""{"info":{"name":"a","version":"1.0","requires_dist":null}}"""u8));
    }

    [Fact]
    public void An_empty_requires_dist_means_no_dependencies()
    {
        var metadata = ReleaseDocumentReader.Read("""{"info":{"name":"a","version":"1.0","requires_dist":[]}}"""u8);

        Assert.NotNull(metadata);
        Assert.Empty(metadata.RequiresDist);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"info\":{\"version\":\"1.0\",\"requires_dist\":[]}}")]
    [InlineData("{\"info\":{\"name\":\"a\",\"version\":\"not a version\",\"requires_dist\":[]}}")]
    [InlineData("{\"info\":")]
    public void Malformed_documents_are_reported_as_such(string json)
    {
        Assert.Throws<MalformedDocumentException>(() => ReleaseDocumentReader.Read(Encoding.UTF8.GetBytes(json)));
    }
}
