using System.Collections.Concurrent;

namespace Req2Nix.PyPI.Tests.Client;

/// <summary>
/// Sits between the client and a real handler: records each request (URL and whether it carried
/// credentials), counts how many are in flight at once, and may rewrite requests on the way.
/// </summary>
internal sealed class RecordingHandler(HttpMessageHandler inner, Action<HttpRequestMessage>? rewrite = null) : DelegatingHandler(inner)
{
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<(Uri Url, string? Authorization)> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static Func<HttpMessageHandler> Factory(PyPIClientOptions options, out Func<RecordingHandler> created, Action<HttpRequestMessage>? rewrite = null)
    {
        RecordingHandler? handler = null;
        created = () => handler ?? throw new InvalidOperationException("the client has not made its handler yet");
        return () => handler = new RecordingHandler(Http.HttpFetcher.CreateDefaultHandler(options), rewrite);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        rewrite?.Invoke(request);
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            // Count the body as in flight too: the client holds its slot until it has read it.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
