namespace Req2Nix.PyPI.Http;

/// <summary>
/// One attempt failed in a way another attempt may not: a 429 or 5xx, a dropped or refused
/// connection, no progress within the timeout, a body cut short or malformed. The retry pipeline
/// handles exactly this type.
/// </summary>
internal sealed class TransientFetchException : Exception
{
    public TransientFetchException(string reason, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(reason, inner)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
