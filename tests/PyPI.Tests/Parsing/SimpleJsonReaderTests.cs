using System.Text;
using Req2Nix.PyPI.Simple;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class SimpleJsonReaderTests
{
    private static readonly Uri Page = new("https://example.org/simple/demo/");

    private static ProjectPage Read(string json) => SimpleJsonReader.Read(Encoding.UTF8.GetBytes(json), Page, u => u);

    private const string Hex = "5f2c2e3c73a2975ab9fbe3c7b3909a1522ec46a35eef3674debaedd4a22cd452";
    private const string OtherHex = "7db4058ce81504b1dcdc93b8d06aa58f908e45dc4ed2a8cfc874ae72e76d1a66";

    [Fact]
    public void Reads_every_field_of_a_file()
    {
        var page = Read($$"""
            {"meta":{"api-version":"1.1"},"name":"demo","files":[
              {"filename":"demo-1.0-py3-none-any.whl","url":"https://files.example.org/demo-1.0-py3-none-any.whl",
               "hashes":{"md5":"00","sha256":"{{Hex}}"},"requires-python":">=3.8","core-metadata":{"sha256":"{{OtherHex}}"},
               "yanked":"broken","size":1505,"upload-time":"2020-01-01T00:00:00Z","gpg-sig":false}
            ],"versions":["1.0"]}
            """);

        var file = Assert.Single(page.Files);
        Assert.Equal("1.1", page.ApiVersion);
        Assert.Equal("demo-1.0-py3-none-any.whl", file.Filename);
        Assert.Equal(new Uri("https://files.example.org/demo-1.0-py3-none-any.whl"), file.Url);
        Assert.Equal(Hex, file.Sha256?.ToHex());
        Assert.Equal(">=3.8", file.RequiresPython);
        Assert.True(file.Yanked);
        Assert.Equal("broken", file.YankedReason);
        Assert.True(file.HasCoreMetadata);
        Assert.Equal(OtherHex, file.CoreMetadataSha256?.ToHex());
        Assert.Equal(1505, file.Size);
    }

    [Fact]
    public void Reads_field_names_written_with_escapes_and_upper_case_digests_as_the_plain_ones()
    {
        var plain = Read($$"""
            {"files":[{"filename":"a-1.0-py3-none-any.whl","url":"a-1.0-py3-none-any.whl","hashes":{"sha256":"{{Hex}}"},
              "requires-python":">=3.8","data-dist-info-metadata":{"sha256":"{{OtherHex}}"},"yanked":true,"size":7}]}
            """);
        var escaped = Read($$"""
            {"files":[{"filename":"a-1.0-py3-none-any.whl","url":"a-1.0-py3-none-any.whl","hashes":{"sha256":"{{Hex.ToUpperInvariant()}}"},
              "requires-python":">=3.8","data-dist-info-metadata":{"sha256":"{{OtherHex}}"},"yanked":true,"size":7}]}
            """);

        var expected = Assert.Single(plain.Files);
        Assert.Equal(expected, Assert.Single(escaped.Files));
        Assert.True(expected.HasCoreMetadata);
        Assert.Equal(Hex, expected.Sha256?.ToHex());
    }

    [Theory]
    [InlineData("false", false, null)]
    [InlineData("true", true, null)]
    [InlineData("\"\"", true, null)]
    [InlineData("\"gone\"", true, "gone")]
    public void Reads_yanked_as_a_flag_or_a_reason(string value, bool yanked, string? reason)
    {
        var file = Assert.Single(Read($$"""{"files":[{"filename":"a-1.tar.gz","url":"a-1.tar.gz","hashes":{},"yanked":{{value}}}]}""").Files);

        Assert.Equal(yanked, file.Yanked);
        Assert.Equal(reason, file.YankedReason);
    }

    [Fact]
    public void Resolves_relative_urls_against_the_page_and_keeps_the_fragment_digest()
    {
        var page = Read($$$"""{"files":[{"filename":"a-1.tar.gz","url":"../../packages/a-1.tar.gz#sha256={{{Hex}}}","hashes":{}}]}""");

        var file = Assert.Single(page.Files);
        Assert.Equal(new Uri("https://example.org/packages/a-1.tar.gz"), file.Url);
        Assert.Equal(Hex, file.Sha256?.ToHex());
    }

    [Fact]
    public void Falls_back_to_dist_info_metadata_when_core_metadata_is_absent()
    {
        var file = Assert.Single(Read($$$"""{"files":[{"filename":"a-1-py3-none-any.whl","url":"a.whl","hashes":{},"dist-info-metadata":{"sha256":"{{{Hex}}}"}}]}""").Files);

        Assert.True(file.HasCoreMetadata);
        Assert.Equal(Hex, file.CoreMetadataSha256?.ToHex());
    }

    [Fact]
    public void Core_metadata_wins_over_dist_info_metadata_whatever_the_order()
    {
        var file = Assert.Single(Read($$$"""{"files":[{"dist-info-metadata":true,"core-metadata":false,"filename":"a-1-py3-none-any.whl","url":"a.whl","hashes":{}}]}""").Files);

        Assert.False(file.HasCoreMetadata);
    }

    [Fact]
    public void A_file_without_digests_has_none()
    {
        var file = Assert.Single(Read("""{"files":[{"filename":"a-1.tar.gz","url":"a-1.tar.gz","hashes":{},"requires-python":null}]}""").Files);

        Assert.Null(file.Sha256);
        Assert.Null(file.RequiresPython);
        Assert.False(file.HasCoreMetadata);
        Assert.Null(file.Size);
    }

    [Fact]
    public void Credentials_in_a_file_url_are_handed_to_the_stripper()
    {
        var stripped = new List<Uri>();
        var page = SimpleJsonReader.Read(
            """{"files":[{"filename":"a-1.tar.gz","url":"https://u:p@host.example/a-1.tar.gz","hashes":{}}]}"""u8,
            Page,
            u =>
            {
                stripped.Add(u);
                return new UriBuilder(u) { UserName = "", Password = "" }.Uri;
            });

        Assert.Equal("u:p", Assert.Single(stripped).UserInfo);
        Assert.Equal("", Assert.Single(page.Files).Url.UserInfo);
    }

    [Theory]
    [InlineData("{\"files\":[{\"filename\":\"a\",\"url\":\"a\",\"hashes\":{\"sha256\":\"abc\"}}]}")]
    [InlineData("{\"files\":[{\"url\":\"a\"}]}")]
    [InlineData("{\"files\":[{\"filename\":1,\"url\":\"a\"}]}")]
    [InlineData("{\"files\":[{\"filename\":\"a\",\"url\":\"a\"")]
    [InlineData("[]")]
    [InlineData("<html>")]
    public void Malformed_pages_are_reported_as_such(string json)
    {
        Assert.Throws<MalformedDocumentException>(() => Read(json));
    }

    [Fact]
    public void Reading_a_large_page_allocates_little_beyond_the_files_it_returns()
    {
        var json = new StringBuilder("""{"meta":{"api-version":"1.1"},"name":"big","files":[""");
        const int Count = 4000;
        for (var i = 0; i < Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$$"""
                {"filename":"big-{{{i}}}.0-py3-none-any.whl","url":"https://files.example.org/packages/ab/cd/big-{{{i}}}.0-py3-none-any.whl",
                 "hashes":{"sha256":"{{{Hex}}}"},"requires-python":">=3.8","core-metadata":{"sha256":"{{{Hex}}}"},"dist-info-metadata":{"sha256":"{{{Hex}}}"},
                 "yanked":false,"size":123456,"upload-time":"2020-01-01T00:00:00.000000Z","data-dist-info-metadata":{"sha256":"{{{Hex}}}"}}
                """);
        }
        json.Append("]}");
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        SimpleJsonReader.Read(bytes, Page, u => u);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var page = SimpleJsonReader.Read(bytes, Page, u => u);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Count, page.Files.Count);
        // Per file: the record, its filename and URL strings and the Uri — about 0.6 KB here, under
        // half of the ~620 bytes of JSON each file takes: no DOM, no per-token strings.
        Assert.True(allocated < bytes.Length * 0.8, $"allocated {allocated} bytes for a {bytes.Length}-byte page");
    }
}
