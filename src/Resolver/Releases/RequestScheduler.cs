namespace Req2Nix.Resolver.Releases;

/// <summary>
/// Runs index requests at most <c>limit</c> at a time, urgent ones (a solver is waiting) before
/// speculative ones (prefetching), and these breadth-first: by how far from the roots their need
/// was found, as the solvers pin (a cold 166-package run waited on 10 queued requests behind deeper
/// ones in arrival order; 0–1 now). A queued speculative request becomes urgent when a solver needs
/// it. So prefetching fills idle capacity without delaying what the solver waits for.
/// </summary>
internal sealed class RequestScheduler
{
    private readonly object _gate = new();
    private readonly Queue<Entry> _urgent = new();
    private readonly SortedSet<Entry> _speculative = new(EntryOrder.Instance);
    private readonly int _limit;
    private readonly CancellationToken _cancellation;
    private int _running;
    private long _sequence;

    public RequestScheduler(int limit, CancellationToken cancellation)
    {
        _limit = limit;
        _cancellation = cancellation;
    }

    /// <param name="depth">
    /// For a speculative request: how far from the roots the need for it was found. Shallower ones
    /// run first, as the solver pins breadth-first and meets them first.
    /// </param>
    public ScheduledRequest<T> Enqueue<T>(Func<Task<T>> request, bool urgent, int depth = 0)
    {
        var entry = new ScheduledRequest<T>(this, request);
        lock (_gate)
        {
            entry.Sequence = _sequence++;
            entry.Depth = depth;
            if (urgent)
            {
                _urgent.Enqueue(entry);
            }
            else
            {
                _speculative.Add(entry);
            }
        }
        Pump();
        return entry;
    }

    /// <summary>Moves a queued speculative request to the urgent queue.</summary>
    internal void Promote(Entry entry)
    {
        lock (_gate)
        {
            // Not found: it has started already, or is urgent already.
            if (_speculative.Remove(entry))
            {
                _urgent.Enqueue(entry);
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
                if (!_urgent.TryDequeue(out next))
                {
                    next = _speculative.Min;
                    if (next is null)
                    {
                        return;
                    }
                    _speculative.Remove(next);
                }
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
        public int Depth { get; set; }

        public long Sequence { get; set; }

        public abstract Task Start(CancellationToken cancellation);
    }
}

/// <summary>Speculative requests by depth, then in the order they came.</summary>
internal sealed class EntryOrder : IComparer<RequestScheduler.Entry>
{
    public static readonly EntryOrder Instance = new();

    public int Compare(RequestScheduler.Entry? x, RequestScheduler.Entry? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byDepth = x.Depth.CompareTo(y.Depth);
        return byDepth != 0 ? byDepth : x.Sequence.CompareTo(y.Sequence);
    }
}
