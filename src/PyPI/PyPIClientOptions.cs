using System.Text;
using Req2Nix.PyPI.Credentials;
using Req2Nix.Resolver;

namespace Req2Nix.PyPI;

/// <summary>
/// How a <see cref="PyPIClient"/> reaches its indexes. Nothing here reads the environment or files:
/// the CLI passes the cache directory it chose and the text of ~/.netrc.
/// </summary>
public sealed record PyPIClientOptions
{
    /// <summary>The simple API root in pip's form (<c>--index-url</c>); may carry <c>user:token@</c>.</summary>
    public Uri IndexUrl { get; init; } = IndexSettings.PyPISimpleUrl;

    /// <summary>pip's <c>--extra-index-url</c>s: their files are added to the index's (a union, as pip does).</summary>
    public IReadOnlyList<Uri> ExtraIndexUrls { get; init; } = [];

    /// <summary>The cache folder (<c>$XDG_CACHE_HOME/req2nix</c> or <c>--cache-dir</c>); null keeps nothing on disk.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Answer from the cache only; what is missing fails with an error that lists it.</summary>
    public bool Offline { get; init; }

    /// <summary>Revalidate everything, immutable documents and computed hashes included.</summary>
    public bool Refresh { get; init; }

    /// <summary>
    /// Download and hash a file for <see cref="PyPIClient.GetSha256Async(Req2Nix.Resolver.Index.DistributionFile, CancellationToken)"/>
    /// even when the index states its digest, and compare the two. Off, the index's digest is
    /// taken (checked against <c>--hash</c> pins), and Nix checks the bytes when it fetches them.
    /// </summary>
    public bool VerifyIndexDigests { get; init; }

    /// <summary>The default of <see cref="MaxConcurrency"/>.</summary>
    public const int DefaultMaxConcurrency = 16;

    /// <summary>The largest <see cref="MaxConcurrency"/> allowed.</summary>
    public const int MaxMaxConcurrency = 256;

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency
    {
        get;
        init => field = value is >= 1 and <= MaxMaxConcurrency ? value : throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), value, $"from 1 to {MaxMaxConcurrency} requests at once");
    } = DefaultMaxConcurrency;

    /// <summary>How long one request may go without progress (until its headers, then between body reads).</summary>
    public TimeSpan RequestTimeout { get; init => field = Positive(value, nameof(RequestTimeout)); } = TimeSpan.FromSeconds(30);

    /// <summary>The time, from the client's creation, after which every request still running or waiting fails.</summary>
    public TimeSpan Deadline { get; init => field = value == Timeout.InfiniteTimeSpan ? value : Positive(value, nameof(Deadline)); } = TimeSpan.FromMinutes(15);

    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    /// <summary>The content of a .netrc file: its machines' credentials are sent to those hosts.</summary>
    public string? NetrcText { get; init; }

    /// <summary>The largest distribution downloaded into memory to read its metadata when no index offers it.</summary>
    public long MaxArchiveBytes { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxArchiveBytes), value, "a size must be positive"); } = 256L * 1024 * 1024;

    /// <summary>The default of <see cref="WholeWheelMetadataBytes"/>: 64 KiB.</summary>
    public const long DefaultWholeWheelMetadataBytes = 64 * 1024;

    /// <summary>
    /// A wheel up to this size (as the index states it, with its sha256) is downloaded whole for its
    /// metadata instead of its PEP 658 <c>.metadata</c> document: it costs about the same round trip,
    /// and the later read of the same wheel for its import names then finds it in the cache. 64 KiB
    /// take a few milliseconds at ~10 MB/s, well under one round trip to an index. 0 turns it off.
    /// </summary>
    public long WholeWheelMetadataBytes
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(WholeWheelMetadataBytes), value, "a size must not be negative (0 turns it off)");
    } = DefaultWholeWheelMetadataBytes;

    /// <summary>
    /// Makes the HTTP handler (tests wrap or replace it). The default is a pooling
    /// <see cref="SocketsHttpHandler"/> with gzip/brotli decompression that does not follow
    /// redirects itself: the client does, to send credentials to the right hosts only.
    /// </summary>
    public Func<HttpMessageHandler>? HandlerFactory { get; init; }

    /// <summary>Progress and log lines (redacted); called from any thread.</summary>
    public Action<IndexClientEvent>? Log { get; init; }

    /// <summary>The index URLs of <paramref name="settings"/> (pip's <c>--index-url</c>, <c>--extra-index-url</c>).</summary>
    public static PyPIClientOptions For(IndexSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new PyPIClientOptions { IndexUrl = settings.IndexUrl, ExtraIndexUrls = settings.ExtraIndexUrls };
    }

    /// <summary>A summary without credentials (the generated one would print them).</summary>
    public override string ToString()
    {
        var text = new StringBuilder("PyPIClientOptions { IndexUrl = ").Append(UrlRedactor.Redact(IndexUrl));
        if (ExtraIndexUrls.Count > 0)
        {
            text.Append(", ExtraIndexUrls = [").AppendJoin(", ", ExtraIndexUrls.Select(UrlRedactor.Redact)).Append(']');
        }
        text.Append(", CacheDirectory = ").Append(CacheDirectory ?? "none")
            .Append(", Offline = ").Append(Offline)
            .Append(", Refresh = ").Append(Refresh)
            .Append(", VerifyIndexDigests = ").Append(VerifyIndexDigests)
            .Append(", MaxConcurrency = ").Append(MaxConcurrency)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", Deadline = ").Append(Deadline)
            .Append(", WholeWheelMetadataBytes = ").Append(WholeWheelMetadataBytes)
            .Append(", Netrc = ").Append(NetrcText is null ? "none" : "given")
            .Append(" }");
        return text.ToString();
    }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "a duration must be positive");
}
