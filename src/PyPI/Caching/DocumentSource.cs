using System.Net;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.Http;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// Documents (project pages, metadata files, JSON API documents) through the disk cache: immutable
/// ones come from the cache without a request, pages are revalidated with their validators, and
/// what is fetched is parsed before it is stored, so the cache holds only documents that parsed.
/// A document with a compact form (a project page) is kept in that form instead of its bytes, so a
/// warm run reads it back without parsing. The index's "not found" (404, 410) is remembered too:
/// asked again online (a project or file can appear), taken as the answer offline, so an offline run
/// repeats what the online one saw.
/// Offline, only the cache answers.
/// </summary>
internal sealed class DocumentSource
{
    /// <summary>No index document is this large; a larger body is refused rather than buffered.</summary>
    private const long MaxDocumentBytes = 512L * 1024 * 1024;

    private readonly HttpFetcher? _fetcher;
    private readonly DiskCache? _cache;
    private readonly ClientLog _log;
    private readonly bool _refresh;

    /// <param name="fetcher">Null when offline.</param>
    public DocumentSource(HttpFetcher? fetcher, DiskCache? cache, ClientLog log, bool refresh)
    {
        _fetcher = fetcher;
        _cache = cache;
        _log = log;
        _refresh = refresh;
    }

    /// <summary>Whether only the cache answers.</summary>
    public bool Offline => _fetcher is null;

    /// <summary>
    /// The document at <paramref name="url"/>, parsed by <paramref name="parse"/> (which throws
    /// <see cref="MalformedDocumentException"/> for a body that must be fetched again). With a
    /// <paramref name="compact"/> form, the cache keeps the parsed value in that form instead of the
    /// document's bytes (with the same validators), and reads it back without parsing.
    /// </summary>
    /// <exception cref="OfflineMissException">Offline, and the cache lacks it.</exception>
    public async Task<Lookup<T>> GetAsync<T>(Uri url, Freshness freshness, string accept, Func<DocumentBody, T> parse, ICompactForm<T>? compact = null)
    {
        var key = CacheKey(url);
        var cached = _cache?.TryRead(key);
        try
        {
            if (cached is { Headers.IsMissing: true })
            {
                if (_fetcher is null)
                {
                    _log.CacheHit(url);
                    return Lookup<T>.NotFound;
                }
            }
            else if (cached is not null && (_fetcher is null || (freshness == Freshness.Immutable && !_refresh)))
            {
                if (TryUse(cached, parse, compact, out var value))
                {
                    _log.CacheHit(url);
                    return Lookup<T>.Of(value);
                }
                cached = Forget(cached, key);
            }
            if (_fetcher is null)
            {
                throw new OfflineMissException(url);
            }
            return await _fetcher.GetAsync(url, () => Validators(accept, cached), async (response, token) =>
            {
                if (response.Status == HttpStatusCode.NotModified)
                {
                    if (cached is { Headers.IsMissing: false } && TryUse(cached, parse, compact, out var current))
                    {
                        _log.NotModified(url);
                        return Lookup<T>.Of(current);
                    }
                    cached = cached is null ? null : Forget(cached, key);
                    throw new TransientFetchException("304 Not Modified, but the cached copy is unusable");
                }
                if (response.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    if (cached?.Headers.MissingStatus != (int)response.Status)
                    {
                        _cache?.Write(new CachedHeaders(key) { MissingStatus = (int)response.Status }, []);
                    }
                    return Lookup<T>.NotFound;
                }
                using var body = await response.ReadBodyAsync(MaxDocumentBytes, bytes => TooLarge(url, bytes), token);
                var value = parse(new DocumentBody(body.Memory, response.ContentType, response.FinalUrl));
                var headers = new CachedHeaders(key)
                {
                    FinalUrl = response.FinalUrl.AbsoluteUri == key ? null : response.FinalUrl.AbsoluteUri,
                    ETag = response.ETag,
                    LastModified = response.LastModified,
                    ContentType = response.ContentType,
                };
                if (compact is null)
                {
                    _cache?.Write(headers, body.Span);
                }
                else
                {
                    _cache?.Write(headers with { ContentType = CompactType(compact) }, compact.Write(value));
                }
                return Lookup<T>.Of(value);
            });
        }
        finally
        {
            cached?.Dispose();
        }
    }

    /// <summary>
    /// The immutable document at <paramref name="url"/> when the cache holds it, without a request
    /// (none under refresh, when online: immutable documents are then fetched again). A remembered
    /// "not found" or an entry that does not parse is no answer here; <see cref="GetAsync"/> deals with them.
    /// </summary>
    public bool TryGetCached<T>(Uri url, Func<DocumentBody, T> parse, out T value)
    {
        value = default!;
        if (_refresh && _fetcher is not null)
        {
            return false;
        }
        using var cached = _cache?.TryRead(CacheKey(url));
        if (cached is null || cached.Headers.IsMissing || !TryParse(cached, parse, out value))
        {
            return false;
        }
        _log.CacheHit(url);
        return true;
    }

    /// <summary>The cache key of a URL: absolute, without fragment (the client's URLs never carry credentials).</summary>
    public static string CacheKey(Uri url) => url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);

    private static RequestHeaders Validators(string accept, CachedDocument? cached) =>
        new(accept, cached?.Headers.ETag, cached?.Headers.LastModified);

    /// <summary>
    /// The cached value: read from its compact form when the entry holds one, else parsed from the
    /// document's bytes (a document without a form, or an entry written before it existed, which is
    /// then rewritten in the form, with the same validators).
    /// </summary>
    private bool TryUse<T>(CachedDocument cached, Func<DocumentBody, T> parse, ICompactForm<T>? compact, out T value)
    {
        if (compact is not null && cached.Headers.ContentType == CompactType(compact))
        {
            return compact.TryRead(cached.Body.Span, out value!);
        }
        if (!TryParse(cached, parse, out value))
        {
            return false;
        }
        if (compact is not null)
        {
            _cache?.Write(cached.Headers with { ContentType = CompactType(compact) }, compact.Write(value));
        }
        return true;
    }

    /// <summary>The content type an entry in a compact form records (the form's name says its layout).</summary>
    private static string CompactType<T>(ICompactForm<T> compact) => $"application/x-req2nix-{compact.Name}";

    private static bool TryParse<T>(CachedDocument cached, Func<DocumentBody, T> parse, out T value)
    {
        var url = new Uri(cached.Headers.FinalUrl ?? cached.Headers.Url);
        try
        {
            value = parse(new DocumentBody(cached.Body, cached.Headers.ContentType, url));
            return true;
        }
        catch (MalformedDocumentException)
        {
            value = default!;
            return false;
        }
    }

    private CachedDocument? Forget(CachedDocument cached, string key)
    {
        _log.Warning(null, $"the cached copy of {key} does not parse; it is fetched again");
        cached.Dispose();
        _cache?.Delete(key);
        return null;
    }

    private static IndexUnavailableException TooLarge(Uri url, long bytes) =>
        new(UrlRedactor.Redact(url), $"the document is {bytes} bytes, more than the {MaxDocumentBytes} an index document may have");
}
