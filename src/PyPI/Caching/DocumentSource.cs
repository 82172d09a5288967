using System.Net;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.Http;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// Documents (project pages, metadata files, JSON API documents) through the disk cache: immutable
/// ones come from the cache without a request, pages are revalidated with their validators, and
/// what is fetched is parsed before it is stored, so the cache holds only documents that parsed.
/// The index's "not found" (404, 410) is remembered too: asked again online (a project or file can
/// appear), taken as the answer offline, so an offline run repeats what the online one saw.
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
    /// <paramref name="compact"/> form, the parsed value is also kept in that form, and a cached
    /// document is read back from it rather than parsed again (when it was made from the same bytes).
    /// </summary>
    /// <exception cref="OfflineMissException">Offline, and the cache lacks it.</exception>
    public async Task<Lookup<T>> GetAsync<T>(Uri url, Freshness freshness, string accept, Func<DocumentBody, T> parse, ICompactForm<T>? compact = null)
    {
        var key = CacheKey(url);
        var cachedAnswers = _fetcher is null || (freshness == Freshness.Immutable && !_refresh);
        // The compact form needs only the header of the document it was made from: the body is not read.
        if (cachedAnswers && compact is not null && _cache?.TryReadHeader(key) is { Headers.IsMissing: false } header
            && TryReadCompact(key, header.BodySha256, compact, out var fromCompact))
        {
            _log.CacheHit(url);
            return Lookup<T>.Of(fromCompact);
        }
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
            else if (cached is not null && cachedAnswers)
            {
                if (TryUse(cached, key, parse, compact, out var value))
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
                    if (cached is { Headers.IsMissing: false } && TryUse(cached, key, parse, compact, out var current))
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
                var written = _cache?.Write(
                    new CachedHeaders(key)
                    {
                        FinalUrl = response.FinalUrl.AbsoluteUri == key ? null : response.FinalUrl.AbsoluteUri,
                        ETag = response.ETag,
                        LastModified = response.LastModified,
                        ContentType = response.ContentType,
                    },
                    body.Span);
                if (written is { } bodySha256 && compact is not null)
                {
                    WriteCompact(key, bodySha256, value, compact);
                }
                return Lookup<T>.Of(value);
            });
        }
        finally
        {
            cached?.Dispose();
        }
    }

    /// <summary>The cache key of a URL: absolute, without fragment (the client's URLs never carry credentials).</summary>
    public static string CacheKey(Uri url) => url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);

    private static RequestHeaders Validators(string accept, CachedDocument? cached) =>
        new(accept, cached?.Headers.ETag, cached?.Headers.LastModified);

    /// <summary>The cached document's value: from its compact form when that was made from these bytes, else parsed (and the compact form made).</summary>
    private bool TryUse<T>(CachedDocument cached, string key, Func<DocumentBody, T> parse, ICompactForm<T>? compact, out T value)
    {
        if (compact is not null && TryReadCompact(key, cached.BodySha256, compact, out value))
        {
            return true;
        }
        if (!TryParse(cached, parse, out value))
        {
            return false;
        }
        if (compact is not null)
        {
            WriteCompact(key, cached.BodySha256, value, compact);
        }
        return true;
    }

    private bool TryReadCompact<T>(string key, Sha256Digest sourceSha256, ICompactForm<T> compact, out T value)
    {
        value = default!;
        using var entry = _cache?.TryRead(CompactKey(key, compact));
        if (entry is null)
        {
            return false;
        }
        var bytes = entry.Body.Span;
        return bytes.Length >= Sha256Digest.Length
            && bytes[..Sha256Digest.Length].SequenceEqual(sourceSha256.Bytes)
            && compact.TryRead(bytes[Sha256Digest.Length..], out value!);
    }

    /// <summary>Keeps <paramref name="value"/> in its compact form, with the sha256 of the bytes it was parsed from.</summary>
    private void WriteCompact<T>(string key, Sha256Digest sourceSha256, T value, ICompactForm<T> compact)
    {
        var form = compact.Write(value);
        var body = new byte[Sha256Digest.Length + form.Length];
        sourceSha256.Bytes.CopyTo(body);
        form.CopyTo(body.AsSpan(Sha256Digest.Length));
        _cache?.Write(new CachedHeaders(CompactKey(key, compact)) { ContentType = $"application/x-req2nix-{compact.Name}" }, body);
    }

    private static string CompactKey<T>(string key, ICompactForm<T> compact) => $"{compact.Name} {key}";

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
