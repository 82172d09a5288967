using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Http;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class CacheEntryFormatTests
{
    private static PooledBuffer Entry(CachedHeaders headers, byte[] body)
    {
        var buffer = new PooledBuffer(64);
        buffer.Append(CacheEntryFormat.Header(headers, body));
        buffer.Append(body);
        return buffer;
    }

    [Fact]
    public void Round_trips_headers_and_body()
    {
        var headers = new CachedHeaders("https://h/simple/a/") { ETag = "\"abc-gzip\"", LastModified = "Wed, 01 Jan 2020 00:00:00 GMT", ContentType = "text/html", FinalUrl = "https://h/simple/b/" };

        using var document = CacheEntryFormat.TryRead(Entry(headers, "body\n\nwith blank lines"u8.ToArray()), "https://h/simple/a/");

        Assert.NotNull(document);
        Assert.Equal(headers, document.Headers);
        Assert.Equal("body\n\nwith blank lines"u8.ToArray(), document.Body.ToArray());
    }

    [Fact]
    public void Empty_values_and_text_beyond_ascii_round_trip()
    {
        var key = "https://h/simple/caf\u00e9/";
        var headers = new CachedHeaders(key) { ETag = "", ContentType = "text/html; charset=utf-8", FinalUrl = "https://h/simple/\u00f1/" };

        using var document = CacheEntryFormat.TryRead(Entry(headers, [7]), key);

        Assert.NotNull(document);
        Assert.Equal(headers, document.Headers);
        Assert.Equal("", document.Headers.ETag);
        Assert.Null(document.Headers.LastModified);
        Assert.Null(CacheEntryFormat.TryRead(Entry(headers, [7]), "https://h/simple/cafe/"));
    }

    [Fact]
    public void A_header_value_cannot_forge_another_header()
    {
        var headers = new CachedHeaders("u") { ETag = "\"x\"\nbody-length 0" };

        using var document = CacheEntryFormat.TryRead(Entry(headers, [1, 2, 3]), "u");

        Assert.Equal([1, 2, 3], document!.Body.ToArray());
        Assert.Equal("\"x\" body-length 0", document.Headers.ETag);
    }

    [Fact]
    public void Damaged_truncated_or_foreign_entries_are_refused()
    {
        var headers = new CachedHeaders("u");
        byte[] body = [1, 2, 3, 4, 5, 6, 7, 8];

        using (var flipped = Entry(headers, body))
        {
            var bytes = flipped.Span.ToArray();
            bytes[^3] ^= 0xff;
            using var damaged = new PooledBuffer(bytes.Length);
            damaged.Append(bytes);
            Assert.Null(CacheEntryFormat.TryRead(damaged, "u"));
        }
        var whole = Entry(headers, body).ToArray();
        using var truncated = new PooledBuffer(whole.Length);
        truncated.Append(whole.AsSpan(0, whole.Length - 1));
        Assert.Null(CacheEntryFormat.TryRead(truncated, "u"));
        using var foreign = Entry(headers, body);
        Assert.Null(CacheEntryFormat.TryRead(foreign, "v"));
        using var garbage = new PooledBuffer(8);
        garbage.Append("no header at all"u8);
        Assert.Null(CacheEntryFormat.TryRead(garbage, "u"));
    }

    [Fact]
    public void A_remembered_not_found_round_trips_without_a_body()
    {
        var headers = new CachedHeaders("https://h/simple/absent/") { MissingStatus = 404 };

        using var document = CacheEntryFormat.TryRead(Entry(headers, []), "https://h/simple/absent/");

        Assert.NotNull(document);
        Assert.True(document.Headers.IsMissing);
        Assert.Equal(headers, document.Headers);
        Assert.True(document.Body.IsEmpty);
    }

    [Theory]
    [InlineData(404, 3)]
    [InlineData(200, 0)]
    [InlineData(500, 0)]
    public void A_not_found_with_a_body_or_another_status_is_refused(int status, int bodyLength)
    {
        var headers = new CachedHeaders("u") { MissingStatus = status };

        using var entry = Entry(headers, new byte[bodyLength]);

        Assert.Null(CacheEntryFormat.TryRead(entry, "u"));
    }
}
