using System.IO.Compression;
using System.Net;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class CompressionTests(RecordedIndexFixture index) : IClassFixture<RecordedIndexFixture>
{
    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "gzip")]
    [InlineData("gzip;q=0.5, br", "br")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("*", "gzip")]
    [InlineData("*, gzip;q=0", "br")]
    [InlineData("identity", null)]
    [InlineData("gzip;q=0", null)]
    [InlineData("deflate", null)]
    [InlineData(null, null)]
    public async Task Documents_are_compressed_when_the_client_accepts_it(string? acceptEncoding, string? expected)
    {
        foreach (var path in new[] { "/simple/werkzeug/", "/pypi/werkzeug/json" })
        {
            var url = index.Server.Url(path);
            using var identity = await index.Client.GetAsync(url);
            using var response = acceptEncoding is null
                ? await index.Client.GetAsync(url)
                : await index.Client.GetAsync(url, ("Accept-Encoding", acceptEncoding));

            var wire = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(wire.Length, response.Content.Headers.ContentLength);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            if (expected is null)
            {
                Assert.Empty(response.Content.Headers.ContentEncoding);
                continue;
            }
            Assert.Equal([expected], response.Content.Headers.ContentEncoding);
            Assert.True(wire.Length < identity.Content.Headers.ContentLength);
            Assert.Equal(await identity.Content.ReadAsByteArrayAsync(), Decode(wire, expected));
        }
    }

    [Fact]
    public async Task A_decompressing_client_reads_the_same_document()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        var url = index.Server.Url("/pypi/werkzeug/json");

        var decoded = await client.GetByteArrayAsync(url);

        using var identity = await index.Client.GetAsync(url);
        Assert.Equal(await identity.Content.ReadAsByteArrayAsync(), decoded);
    }

    [Fact]
    public async Task A_HEAD_announces_the_compressed_length()
    {
        var url = index.Server.Url("/simple/werkzeug/");
        using var get = await index.Client.GetAsync(url, ("Accept-Encoding", "br"));
        using var head = await index.Client.SendAsync(HttpMethod.Head, url, ("Accept-Encoding", "br"));

        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(["br"], head.Content.Headers.ContentEncoding);
    }

    private static byte[] Decode(byte[] wire, string coding)
    {
        using var input = new MemoryStream(wire);
        using Stream decoder = coding == "gzip" ? new GZipStream(input, CompressionMode.Decompress) : new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
