namespace Req2Nix.Resolver.Releases;

/// <summary>
/// A request given to a <see cref="RequestScheduler"/>: its result, a way to make it urgent, and a
/// way for a solver that needs it now to run it itself once it holds a slot.
/// </summary>
internal sealed class ScheduledRequest<T> : RequestScheduler.Entry
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Running = 2;

    private readonly RequestScheduler _scheduler;
    private readonly Func<Task<T>> _request;
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Queued;

    public ScheduledRequest(RequestScheduler scheduler, Func<Task<T>> request)
    {
        _scheduler = scheduler;
        _request = request;
    }

    public Task<T> Task => _result.Task;

    public void Promote() => _scheduler.Promote(this);

    /// <summary>
    /// Runs the request on the calling thread if it holds a slot and no thread has begun it yet (a
    /// start handed to the thread pool waits in the pool's global queue, which the pool serves only
    /// when its threads' own queues are empty: a warm run's solver waited 32–68 ms there for a
    /// listing the cache answers in a millisecond). A request the cache answers then completes before
    /// this returns; one that goes to the network continues on the pool. Whether it ran it.
    /// </summary>
    public bool TryRunHere()
    {
        if (Interlocked.CompareExchange(ref _state, Running, Started) != Started)
        {
            return false;
        }
        _ = RunAsync();
        return true;
    }

    public override async Task Start(CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            _result.TrySetCanceled(cancellation);
            return;
        }
        Volatile.Write(ref _state, Started);
        // Off a solver's (or the caller's) own thread: a request that the cache answers completes
        // synchronously, and a warm run would otherwise read and parse every document on one core.
        // A pool thread (the one that finished the request before, or a prefetch) starts it at once:
        // queued behind the pool's other work, a cold run's requests left later (12 alternated cold
        // runs of the 166-package set: median 835 -> 808 ms).
        if (!Thread.CurrentThread.IsThreadPoolThread)
        {
            await System.Threading.Tasks.Task.Yield();
        }
        if (Interlocked.CompareExchange(ref _state, Running, Started) == Started)
        {
            await RunAsync().ConfigureAwait(false);
        }
        else
        {
            // A solver runs it (TryRunHere): the slot stays taken until it is done.
            await ((Task)_result.Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            _result.TrySetResult(await _request().ConfigureAwait(false));
        }
        catch (OperationCanceledException exception)
        {
            _result.TrySetCanceled(exception.CancellationToken);
        }
#pragma warning disable CA1031 // The failure is handed to whoever awaits the request.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _result.TrySetException(exception);
        }
    }
}
