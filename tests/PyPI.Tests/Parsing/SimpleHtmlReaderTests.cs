using System.Text;
using Req2Nix.PyPI.Simple;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class SimpleHtmlReaderTests
{
    private static readonly Uri Page = new("https://example.org/simple/demo/");

    private const string Hex = "5f2c2e3c73a2975ab9fbe3c7b3909a1522ec46a35eef3674debaedd4a22cd452";
    private const string OtherHex = "7db4058ce81504b1dcdc93b8d06aa58f908e45dc4ed2a8cfc874ae72e76d1a66";

    private static ProjectPage Read(string html) => SimpleHtmlReader.Read(Encoding.UTF8.GetBytes(html), Page, u => u);

    [Fact]
    public void Reads_anchors_with_pep_503_658_and_592_attributes()
    {
        var page = Read($"""
            <!DOCTYPE html>
            <html><head><meta name="pypi:repository-version" content="1.1"><title>Links for demo</title></head>
            <body><h1>Links for demo</h1>
            <a href="https://files.example.org/demo-1.0.tar.gz#sha256={Hex}" data-requires-python="&gt;=3.7,&lt;4">demo-1.0.tar.gz</a><br/>
            <A HREF='../../packages/demo-1.1-py3-none-any.whl#sha256={Hex}' data-core-metadata="sha256={OtherHex}" data-yanked="">demo-1.1-py3-none-any.whl</A>
            <a href=/packages/demo-1.2.zip data-yanked="do not use &amp; upgrade" data-dist-info-metadata=true>demo-1.2.zip</a>
            </body></html>
            """);

        Assert.Equal("1.1", page.ApiVersion);
        Assert.Collection(
            page.Files,
            first =>
            {
                Assert.Equal("demo-1.0.tar.gz", first.Filename);
                Assert.Equal(new Uri("https://files.example.org/demo-1.0.tar.gz"), first.Url);
                Assert.Equal(Hex, first.Sha256?.ToHex());
                Assert.Equal(">=3.7,<4", first.RequiresPython);
                Assert.False(first.Yanked);
                Assert.False(first.HasCoreMetadata);
            },
            second =>
            {
                Assert.Equal("demo-1.1-py3-none-any.whl", second.Filename);
                Assert.Equal(new Uri("https://example.org/packages/demo-1.1-py3-none-any.whl"), second.Url);
                Assert.True(second.Yanked);
                Assert.Null(second.YankedReason);
                Assert.True(second.HasCoreMetadata);
                Assert.Equal(OtherHex, second.CoreMetadataSha256?.ToHex());
            },
            third =>
            {
                Assert.Equal(new Uri("https://example.org/packages/demo-1.2.zip"), third.Url);
                Assert.Null(third.Sha256);
                Assert.Equal("do not use & upgrade", third.YankedReason);
                Assert.True(third.HasCoreMetadata);
                Assert.Null(third.CoreMetadataSha256);
            });
    }

    [Fact]
    public void Honours_a_base_href()
    {
        var file = Assert.Single(Read("""<html><head><base href="https://mirror.example/root/"></head><a href="pkgs/a-1.tar.gz">a</a></html>""").Files);

        Assert.Equal(new Uri("https://mirror.example/root/pkgs/a-1.tar.gz"), file.Url);
    }

    [Fact]
    public void Skips_comments_scripts_end_tags_and_anchors_without_a_file()
    {
        var page = Read("""
            <!-- <a href="commented-1.0.tar.gz">no</a> -->
            <script>var s = "<a href='scripted-1.0.tar.gz'>";</script>
            <a name="top">anchor without href</a>
            <a href="https://example.org/simple/">a folder</a>
            <p title="a > b"><a href="real-1.0.tar.gz" title='x > y'>real</a></p>
            """);

        var file = Assert.Single(page.Files);
        Assert.Equal("real-1.0.tar.gz", file.Filename);
    }

    [Fact]
    public void Percent_escapes_in_the_path_are_decoded_into_the_filename()
    {
        var file = Assert.Single(Read("""<a href="/packages/a%2Bb-1.0.tar.gz">a+b</a>""").Files);

        Assert.Equal("a+b-1.0.tar.gz", file.Filename);
    }

    [Fact]
    public void A_sha256_fragment_that_is_no_digest_makes_the_page_malformed()
    {
        Assert.Throws<MalformedDocumentException>(() => Read("""<a href="a-1.0.tar.gz#sha256=xyz">a</a>"""));
    }

    [Fact]
    public void Other_fragments_are_ignored()
    {
        var file = Assert.Single(Read("""<a href="a-1.0.tar.gz#md5=0123">a</a>""").Files);

        Assert.Null(file.Sha256);
        Assert.Equal("a-1.0.tar.gz", file.Filename);
    }

    [Theory]
    [InlineData("&lt;3", "<3")]
    [InlineData("&#62;=3.6", ">=3.6")]
    [InlineData("&#x3E;=3.6", ">=3.6")]
    [InlineData("a&unknown;b", "a&unknown;b")]
    [InlineData("&", "&")]
    [InlineData("&quot;&apos;&amp;", "\"'&")]
    public void Decodes_character_references(string text, string expected)
    {
        Assert.Equal(expected, HtmlEntities.Decode(text));
    }
}
