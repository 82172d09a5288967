namespace Req2Nix.PyPI;

/// <summary>What an <see cref="IndexClientEvent"/> reports.</summary>
public enum IndexClientEventKind
{
    /// <summary>A request was answered (any status) or failed.</summary>
    Request,

    /// <summary>A conditional request was answered 304: the cached copy is current.</summary>
    NotModified,

    /// <summary>An answer came from the disk cache without a request.</summary>
    CacheHit,

    /// <summary>A request failed and will be retried.</summary>
    Retry,

    /// <summary>Something the user may want to know (a damaged cache entry, a fallback taken).</summary>
    Warning,

    /// <summary>Where an answer came from, when its requests do not say (a release's metadata read from its wheel).</summary>
    Detail,
}

/// <summary>
/// One line of the client's progress and log, for the CLI to show. <see cref="Url"/> and
/// <see cref="Message"/> never contain credentials.
/// </summary>
public sealed record IndexClientEvent(IndexClientEventKind Kind, string Url, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
