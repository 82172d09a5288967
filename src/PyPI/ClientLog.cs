using Req2Nix.PyPI.Credentials;

namespace Req2Nix.PyPI;

/// <summary>Counts what the client does and reports it, redacted, to the options' callback.</summary>
internal sealed class ClientLog
{
    private readonly Action<IndexClientEvent>? _sink;
    private readonly CredentialStore _credentials;
    private long _requests;
    private long _notModified;
    private long _cacheHits;
    private long _retries;
    private long _bytes;

    public ClientLog(Action<IndexClientEvent>? sink, CredentialStore credentials)
    {
        _sink = sink;
        _credentials = credentials;
    }

    public IndexClientCounts Counts => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _notModified),
        Interlocked.Read(ref _cacheHits),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _bytes));

    /// <summary>A response's headers arrived.</summary>
    public void Response(Uri url, HttpResponseMessage response, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requests);
        if (_sink is not null)
        {
            Emit(IndexClientEventKind.Request, url, $"{(int)response.StatusCode} {response.ReasonPhrase} (HTTP/{response.Version}, headers after {elapsed.TotalMilliseconds:0} ms)");
        }
    }

    public void NotModified(Uri url) => Report(IndexClientEventKind.NotModified, url, "not modified: the cached copy is current", ref _notModified);

    public void CacheHit(Uri url, string message = "from the cache") => Report(IndexClientEventKind.CacheHit, url, message, ref _cacheHits);

    public void Retry(Uri url, string message) => Report(IndexClientEventKind.Retry, url, message, ref _retries);

    public void Warning(Uri? url, string message)
    {
        long ignored = 0;
        Report(IndexClientEventKind.Warning, url, message, ref ignored);
    }

    /// <summary>Where an answer came from, when its requests do not say.</summary>
    public void Detail(Uri url, string message)
    {
        if (_sink is not null)
        {
            Emit(IndexClientEventKind.Detail, url, message);
        }
    }

    public void Received(long bytes) => Interlocked.Add(ref _bytes, bytes);

    public string Redact(string text) => _credentials.Redact(text);

    private void Report(IndexClientEventKind kind, Uri? url, string message, ref long counter)
    {
        Interlocked.Increment(ref counter);
        if (_sink is not null)
        {
            Emit(kind, url, message);
        }
    }

    private void Emit(IndexClientEventKind kind, Uri? url, string message)
    {
        var shown = url is null ? string.Empty : _credentials.Redact(UrlRedactor.Redact(url));
        var text = _credentials.Redact(url is null ? message : $"{shown}: {message}");
        _sink!(new IndexClientEvent(kind, shown, text));
    }
}
