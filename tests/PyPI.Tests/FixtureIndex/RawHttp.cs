using System.Net;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

/// <summary>HTTP as the server sends it: redirects not followed, bodies not decompressed.</summary>
internal static class RawHttp
{
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A GET with the given request headers (name, value); the body is read in full.</summary>
    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, Uri url, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Get, url, headers);

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, Uri url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }

    public static string MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType ?? "";
}
