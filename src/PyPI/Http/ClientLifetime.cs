namespace Req2Nix.PyPI.Http;

/// <summary>
/// The client's overall deadline (from its creation) and its disposal, as one token that every
/// request and retry delay observes, and the words that say which of the two ended them.
/// </summary>
internal sealed class ClientLifetime : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TimeSpan _deadline;
    private volatile bool _disposed;

    public ClientLifetime(TimeSpan deadline)
    {
        _deadline = deadline;
        Token = _source.Token;
        if (deadline != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(deadline);
        }
    }

    public CancellationToken Token { get; }

    public string Reason => _disposed ? "the client was disposed" : $"the overall deadline of {Describe(_deadline)} passed";

    public void Dispose()
    {
        _disposed = true;
        _source.Cancel();
        _source.Dispose();
    }

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0.###} s" : $"{span.TotalMinutes:0.#} min";
}
