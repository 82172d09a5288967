namespace Req2Nix.Resolver.Releases;

/// <summary>
/// Runs index requests at most <c>limit</c> at a time, urgent ones (a solver is waiting) before
/// speculative ones (prefetching); a queued speculative request becomes urgent when a solver needs
/// it. So prefetching fills idle capacity without delaying what the solver waits for.
/// </summary>
internal sealed class RequestScheduler
{
    private readonly object _gate = new();
    private readonly LinkedList<Entry> _urgent = new();
    private readonly LinkedList<Entry> _speculative = new();
    private readonly int _limit;
    private readonly CancellationToken _cancellation;
    private int _running;

    public RequestScheduler(int limit, CancellationToken cancellation)
    {
        _limit = limit;
        _cancellation = cancellation;
    }

    public ScheduledRequest<T> Enqueue<T>(Func<Task<T>> request, bool urgent)
    {
        var entry = new ScheduledRequest<T>(this, request);
        lock (_gate)
        {
            entry.Node = (urgent ? _urgent : _speculative).AddLast(entry);
        }
        Pump();
        return entry;
    }

    /// <summary>Moves a queued speculative request to the urgent queue.</summary>
    internal void Promote(Entry entry)
    {
        lock (_gate)
        {
            if (entry.Node is { } node && node.List == _speculative)
            {
                _speculative.Remove(node);
                entry.Node = _urgent.AddLast(entry);
            }
        }
    }

    private void Pump()
    {
        while (true)
        {
            Entry? next;
            lock (_gate)
            {
                if (_running >= _limit)
                {
                    return;
                }
                var queue = _urgent.Count > 0 ? _urgent : _speculative.Count > 0 ? _speculative : null;
                if (queue is null)
                {
                    return;
                }
                next = queue.First!.Value;
                queue.RemoveFirst();
                next.Node = null;
                _running++;
            }
            next.Start(_cancellation).ContinueWith(
                static (_, state) =>
                {
                    var scheduler = (RequestScheduler)state!;
                    lock (scheduler._gate)
                    {
                        scheduler._running--;
                    }
                    scheduler.Pump();
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>A request waiting for, or holding, a slot.</summary>
    internal abstract class Entry
    {
        public LinkedListNode<Entry>? Node { get; set; }

        public abstract Task Start(CancellationToken cancellation);
    }
}

/// <summary>A request given to a <see cref="RequestScheduler"/>: its result, and a way to make it urgent.</summary>
internal sealed class ScheduledRequest<T> : RequestScheduler.Entry
{
    private readonly RequestScheduler _scheduler;
    private readonly Func<Task<T>> _request;
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScheduledRequest(RequestScheduler scheduler, Func<Task<T>> request)
    {
        _scheduler = scheduler;
        _request = request;
    }

    public Task<T> Task => _result.Task;

    public void Promote() => _scheduler.Promote(this);

    public override async Task Start(CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            _result.TrySetCanceled(cancellation);
            return;
        }
        try
        {
            // Off the caller's thread: a request that the cache answers completes synchronously, and
            // a warm run would otherwise read and parse every document on one core.
            await System.Threading.Tasks.Task.Yield();
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
