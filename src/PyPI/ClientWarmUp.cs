using System.IO.Compression;
using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Http;
using Req2Nix.Resolver;

namespace Req2Nix.PyPI;

/// <summary>
/// Pays the client's first use, the way a run's first requests would pay it: the HTTP handler
/// chain and connection pool, writing a request and parsing a response, gzip, the PEP 691 reader
/// and the metadata parser, with the client's own code between them. A cold run's first requests
/// leave only after that (35-50 ms of one core here); done beforehand on an idle core, they leave
/// sooner. Nothing leaves the process: the connections are <see cref="CannedConnection"/>s, the
/// client has no cache, and it is disposed before this returns.
/// </summary>
public static class ClientWarmUp
{
    private static readonly Uri IndexUrl = new("http://warm-up.invalid/simple/");

    /// <returns>What the client did: two requests (the page and the metadata file), both answered in memory.</returns>
    public static IndexClientCounts Run()
    {
        var metadata = Encoding.UTF8.GetBytes("Metadata-Version: 2.1\nName: warm-up\nVersion: 1.0\nRequires-Python: >=3.8\nRequires-Dist: other>=1.0; extra == \"test\"\n\n");
        var wheel = "warm_up-1.0-py3-none-any.whl";
        var page = Encoding.UTF8.GetBytes($$"""
            {"meta":{"api-version":"1.1"},"name":"warm-up","files":[{"filename":"{{wheel}}","url":"../../packages/{{wheel}}","hashes":{"sha256":"{{Sha256Digest.Compute(Encoding.UTF8.GetBytes(wheel)).ToHex()}}"},"requires-python":">=3.8","core-metadata":{"sha256":"{{Sha256Digest.Compute(metadata).ToHex()}}"},"yanked":false}],"versions":["1.0"]}
            """);
        var options = PyPIClientOptions.For(IndexSettings.PyPI) with
        {
            IndexUrl = IndexUrl,
            Retry = RetrySettings.Default with { MaxRetries = 0 },
            HandlerFactory = () => Handler(page, metadata),
        };
        using var client = new PyPIClient(options);
        var listing = client.GetProjectAsync(PackageName.Parse("warm-up"), CancellationToken.None).GetAwaiter().GetResult();
        _ = client.GetMetadataAsync(listing.Files[0], CancellationToken.None).GetAwaiter().GetResult();
        return client.Counts;
    }

    private static SocketsHttpHandler Handler(byte[] page, byte[] metadata)
    {
        var handler = (SocketsHttpHandler)HttpFetcher.CreateDefaultHandler(PyPIClientOptions.For(IndexSettings.PyPI));
        handler.ConnectCallback = (context, _) => ValueTask.FromResult<Stream>(new CannedConnection(
            context.InitialRequestMessage.RequestUri?.AbsolutePath.EndsWith(".metadata", StringComparison.Ordinal) == true
                ? Response("application/octet-stream", metadata, compress: false)
                : Response("application/vnd.pypi.simple.v1+json", page, compress: true)));
        return handler;
    }

    private static byte[] Response(string contentType, byte[] body, bool compress)
    {
        if (compress)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }
            body = compressed.ToArray();
        }
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n{(compress ? "Content-Encoding: gzip\r\n" : string.Empty)}ETag: \"warm-up\"\r\nCache-Control: max-age=600\r\nConnection: close\r\n\r\n");
        return [.. head, .. body];
    }
}
