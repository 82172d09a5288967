using System.Net;
using Req2Nix.PyPI.Hashing;

namespace Req2Nix.PyPI.Http;

/// <summary>
/// A response handed to a reader inside one attempt: its status and headers, the URL it came from
/// after redirects, and ways to read the body that re-arm the attempt's no-progress timeout and
/// turn a short body into a <see cref="TransientFetchException"/>.
/// </summary>
internal sealed class FetchResponse
{
    private const int ChunkSize = 64 * 1024;

    private readonly CancellationTokenSource _timer;
    private readonly TimeSpan _timeout;
    private readonly ClientLog _log;

    public FetchResponse(HttpResponseMessage message, Uri finalUrl, CancellationTokenSource timer, TimeSpan timeout, ClientLog log)
    {
        Message = message;
        FinalUrl = finalUrl;
        _timer = timer;
        _timeout = timeout;
        _log = log;
    }

    public HttpResponseMessage Message { get; }

    public Uri FinalUrl { get; }

    public HttpStatusCode Status => Message.StatusCode;

    public long? ContentLength => Message.Content.Headers.ContentLength;

    public string? ContentType => Message.Content.Headers.ContentType?.MediaType;

    public string? ETag => Message.Headers.ETag?.ToString();

    public string? LastModified => Message.Content.Headers.LastModified?.ToString("R");

    /// <summary>The whole body, at most <paramref name="maxBytes"/>; the caller owns the buffer.</summary>
    public async ValueTask<PooledBuffer> ReadBodyAsync(long maxBytes, Func<long, Exception> tooLarge, CancellationToken cancellationToken)
    {
        if (ContentLength > maxBytes)
        {
            throw tooLarge(ContentLength.Value);
        }
        var body = new PooledBuffer(ContentLength is { } length and > 0 ? (int)length : ChunkSize);
        try
        {
            await using var stream = await Message.Content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(body.GetFreeMemory(ChunkSize), cancellationToken)) > 0)
            {
                body.Advance(read);
                Progress(read);
                if (body.Length > maxBytes)
                {
                    throw tooLarge(body.Length);
                }
            }
            CheckComplete(body.Length);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Streams the body through <paramref name="hasher"/>, at most <paramref name="maxBytes"/>.</summary>
    public async ValueTask HashBodyAsync(StreamingHasher hasher, long maxBytes, Func<long, Exception> tooLarge, ChunkObserver? onChunk, CancellationToken cancellationToken)
    {
        if (ContentLength > maxBytes)
        {
            throw tooLarge(ContentLength.Value);
        }
        await using var stream = await Message.Content.ReadAsStreamAsync(cancellationToken);
        var total = 0L;
        await hasher.ConsumeAsync(stream, chunk =>
        {
            total += chunk.Length;
            Progress(chunk.Length);
            if (total > maxBytes)
            {
                throw tooLarge(total);
            }
            onChunk?.Invoke(chunk);
        }, cancellationToken, ContentLength);
        CheckComplete(total);
    }

    private void Progress(int bytes)
    {
        _timer.CancelAfter(_timeout);
        _log.Received(bytes);
    }

    private void CheckComplete(long received)
    {
        if (ContentLength is { } expected && expected != received)
        {
            throw new TransientFetchException($"the body ended after {received} of {expected} bytes");
        }
    }
}
