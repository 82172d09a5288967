using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Req2Nix.PyPI.Credentials;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Http;

/// <summary>
/// GET requests as the client makes them: HTTP/2 where offered, at most N in flight, redirects
/// followed here so that credentials go only to the hosts they belong to, a no-progress timeout
/// per attempt, and retries (Polly: exponential backoff with jitter, <c>Retry-After</c> honoured
/// within bounds) on 429, 408, 5xx, broken connections, timeouts and short or malformed bodies,
/// all within the client's deadline. The reader given to <see cref="GetAsync"/> runs inside each
/// attempt, so a body that fails to parse is fetched again. When retries are spent, or the deadline
/// passes, the result is one <see cref="IndexUnavailableException"/> naming the URL.
/// </summary>
internal sealed class HttpFetcher : IDisposable
{
    private const int MaxRedirects = 10;

    private static readonly ResiliencePropertyKey<Uri> AttemptUrl = new("req2nix.url");

    private readonly HttpClient _http;
    private readonly CredentialStore _credentials;
    private readonly ClientLog _log;
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _timeout;
    private readonly ClientLifetime _lifetime;
    /// <summary>
    /// Built when a first attempt fails: Polly validates the options by reflection (DataAnnotations),
    /// 20 ms of CPU that a run whose requests all succeed at once has no use for.
    /// </summary>
    private readonly Lazy<ResiliencePipeline> _retry;

    public HttpFetcher(HttpMessageHandler handler, CredentialStore credentials, ClientLog log, PyPIClientOptions options, ClientLifetime lifetime)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("req2nix", typeof(HttpFetcher).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _credentials = credentials;
        _log = log;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _timeout = options.RequestTimeout;
        _lifetime = lifetime;
        _retry = new Lazy<ResiliencePipeline>(() => BuildRetry(options.Retry));
    }

    /// <summary>The handler the client uses unless the options give another.</summary>
    public static HttpMessageHandler CreateDefaultHandler(PyPIClientOptions options) => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli | DecompressionMethods.Deflate,
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = options.MaxConcurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = options.RequestTimeout,
        EnableMultipleHttp2Connections = true,
    };

    /// <summary>
    /// GETs <paramref name="url"/> and hands a response with status 2xx, 304, 404 or 410 to
    /// <paramref name="read"/> (which may throw <see cref="TransientFetchException"/> or
    /// <see cref="MalformedDocumentException"/> to have the request made again). Other statuses
    /// fail with <see cref="IndexUnavailableException"/>, after retries where they may pass.
    /// </summary>
    public Task<T> GetAsync<T>(Uri url, RequestHeaders headers, Func<FetchResponse, CancellationToken, ValueTask<T>> read) =>
        GetAsync(url, () => headers, read);

    /// <summary>As the other overload, with the headers decided afresh for each attempt.</summary>
    /// <remarks>
    /// The first attempt runs outside the retry pipeline: nearly every request succeeds at once, and
    /// Polly's generic code is compiled at run time on first use, on a cold run's first requests
    /// (with the pipeline's validation by reflection: 40 ms of a cold run of 166 packages, 85 ms of
    /// its CPU, docs/PERFORMANCE.md). A failure worth another attempt is handed to the pipeline
    /// as the outcome of its first attempt, so the retries, their backoff and Retry-After go as if the
    /// pipeline had made that attempt itself.
    /// </remarks>
    public async Task<T> GetAsync<T>(Uri url, Func<RequestHeaders> headers, Func<FetchResponse, CancellationToken, ValueTask<T>> read)
    {
        var attempt = new Attempt<T>(this, url, headers, read);
        try
        {
            try
            {
                return await AttemptAsync(attempt, _lifetime.Token);
            }
            catch (TransientFetchException first)
            {
                attempt.FirstFailure = first;
            }
            return await RetryAsync(attempt);
        }
        catch (TransientFetchException e)
        {
            throw Unavailable(url, $"{e.Message} (gave up after {Attempts(attempt.Count)})", e);
        }
        catch (OperationCanceledException e) when (_lifetime.Token.IsCancellationRequested)
        {
            var last = attempt.LastFailure is null ? string.Empty : $"; the last one: {attempt.LastFailure}";
            throw Unavailable(url, $"{_lifetime.Reason} ({Attempts(attempt.Count)}{last})", e);
        }
    }

    private async Task<T> RetryAsync<T>(Attempt<T> attempt)
    {
        var context = ResilienceContextPool.Shared.Get(_lifetime.Token);
        context.Properties.Set(AttemptUrl, attempt.Url);
        try
        {
            return await _retry.Value.ExecuteAsync(static (context, state) => state.Fetcher.PipelineAttemptAsync(state, context.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>An attempt for the retry pipeline: the first one is the failure it was handed.</summary>
    private ValueTask<T> PipelineAttemptAsync<T>(Attempt<T> attempt, CancellationToken token)
    {
        if (attempt.FirstFailure is { } first)
        {
            attempt.FirstFailure = null;
            return ValueTask.FromException<T>(first);
        }
        return AttemptAsync(attempt, token);
    }

    /// <summary>
    /// Disposes the HTTP client. The slots' semaphore is left to the collector: an attempt that is
    /// still finishing releases its slot after this.
    /// </summary>
    public void Dispose() => _http.Dispose();

    private async ValueTask<T> AttemptAsync<T>(Attempt<T> attempt, CancellationToken token)
    {
        await _slots.WaitAsync(token);
        try
        {
            attempt.Count++;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(token);
            timer.CancelAfter(_timeout);
            try
            {
                var sent = await SendFollowingRedirectsAsync(attempt.Url, attempt.Headers(), timer.Token);
                using (sent.Message)
                {
                    ThrowIfFailed(sent.Message, attempt.Url);
                    return await attempt.Read(new FetchResponse(sent.Message, sent.FinalUrl, timer, _timeout, _log), timer.Token);
                }
            }
            catch (OperationCanceledException e) when (!token.IsCancellationRequested)
            {
                throw Failed(attempt, $"no progress within {_timeout.TotalSeconds:0.#} s", null, e);
            }
            catch (HttpRequestException e)
            {
                throw Failed(attempt, $"the request failed: {e.Message}", null, e);
            }
            catch (IOException e)
            {
                throw Failed(attempt, $"the connection broke while reading the body: {e.Message}", null, e);
            }
            catch (MalformedDocumentException e)
            {
                throw Failed(attempt, $"the answer is malformed: {e.Message}", null, e);
            }
            catch (TransientFetchException e)
            {
                throw Failed(attempt, e.Message, e.RetryAfter, e.InnerException);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private TransientFetchException Failed<T>(Attempt<T> attempt, string reason, TimeSpan? retryAfter, Exception? inner)
    {
        reason = _log.Redact(reason);
        attempt.LastFailure = reason;
        return new TransientFetchException(reason, retryAfter, inner);
    }

    private async Task<Sent> SendFollowingRedirectsAsync(Uri url, RequestHeaders headers, CancellationToken token)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = BuildRequest(url, headers);
            var started = Stopwatch.GetTimestamp();
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            _log.Response(url, response, Stopwatch.GetElapsedTime(started));
            if (!IsRedirect(response.StatusCode))
            {
                return new Sent(response, url);
            }
            var location = response.Headers.Location;
            var status = (int)response.StatusCode;
            response.Dispose();
            if (location is null)
            {
                throw Unavailable(url, $"a {status} redirect without a Location");
            }
            if (hop == MaxRedirects)
            {
                throw Unavailable(url, $"more than {MaxRedirects} redirects");
            }
            var target = location.IsAbsoluteUri ? location : new Uri(url, location);
            if (target.Scheme is not ("http" or "https"))
            {
                throw Unavailable(url, $"a {status} redirect to a {target.Scheme}: URL, which the client does not follow");
            }
            url = _credentials.Strip(target);
        }
    }

    private HttpRequestMessage BuildRequest(Uri url, RequestHeaders headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (headers.Accept is { } accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (headers.IfNoneMatch is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (headers.IfModifiedSince is { } since)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", since);
        }
        if (_credentials.Find(url) is { } credentials)
        {
            request.Headers.Authorization = credentials.ToHeader();
        }
        return request;
    }

    /// <summary>Lets 2xx, 304, 404 and 410 through; a status worth another attempt is transient; any other ends here.</summary>
    private void ThrowIfFailed(HttpResponseMessage response, Uri url)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 or 304 or 404 or 410)
        {
            return;
        }
        var text = $"{status} {response.ReasonPhrase}".TrimEnd();
        if (status is 429 or 408 || status >= 500)
        {
            throw new TransientFetchException(text, RetryAfter(response));
        }
        var hint = status is 401 or 403 ? " (check the credentials for this index: in its URL or in .netrc)" : string.Empty;
        throw Unavailable(url, text + hint);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private IndexUnavailableException Unavailable(Uri url, string message, Exception? inner = null) =>
        new(_log.Redact(UrlRedactor.Redact(url)), _log.Redact(message), inner);

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";

    private ResiliencePipeline BuildRetry(RetrySettings settings)
    {
        if (settings.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientFetchException>(),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                // A server's Retry-After replaces the backoff, within bounds; null keeps the backoff.
                DelayGenerator = arguments => new ValueTask<TimeSpan?>(
                    arguments.Outcome.Exception is TransientFetchException { RetryAfter: { } after }
                        ? (after < settings.MaxRetryAfter ? after : settings.MaxRetryAfter)
                        : null),
                OnRetry = arguments =>
                {
                    if (arguments.Context.Properties.TryGetValue(AttemptUrl, out var url))
                    {
                        _log.Retry(url, $"retry {arguments.AttemptNumber + 1} of {settings.MaxRetries} in {arguments.RetryDelay.TotalSeconds:0.##} s after: {arguments.Outcome.Exception?.Message}");
                    }
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// A response and the URL that gave it, after redirects (a class, not a tuple: an async method
    /// returning a struct is JIT-compiled at first use, one returning a reference runs precompiled code).
    /// </summary>
    private sealed record Sent(HttpResponseMessage Message, Uri FinalUrl);

    /// <summary>One GET's state across its attempts.</summary>
    private sealed class Attempt<T>(HttpFetcher fetcher, Uri url, Func<RequestHeaders> headers, Func<FetchResponse, CancellationToken, ValueTask<T>> read)
    {
        public HttpFetcher Fetcher { get; } = fetcher;

        public Uri Url { get; } = url;

        public Func<RequestHeaders> Headers { get; } = headers;

        public Func<FetchResponse, CancellationToken, ValueTask<T>> Read { get; } = read;

        public int Count { get; set; }

        public string? LastFailure { get; set; }

        /// <summary>The failure of the attempt made before the retry pipeline ran, until the pipeline takes it.</summary>
        public TransientFetchException? FirstFailure { get; set; }
    }
}
