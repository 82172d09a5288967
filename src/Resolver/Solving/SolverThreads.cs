using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// Runs each system's solve on a thread of its own, as uv runs its resolver: a solver is plain
/// synchronous code that blocks while the <see cref="ReleaseStore"/> fetches what it needs on the
/// thread pool, so it must not hold a pool thread. Every system is prepared before any solver runs
/// (an input that one system cannot use ends the resolution before anything is pinned). The first
/// failure in the order of the systems is the resolution's, unwrapped: one in preparing before one
/// in solving.
/// </summary>
internal sealed class SolverThreads
{
    private readonly IReadOnlyList<TargetEnvironment> _targets;
    private readonly Func<TargetEnvironment, SystemSolve> _prepare;
    private readonly CancellationToken _cancellation;
    private readonly SystemSolve?[] _solves;
    private readonly Exception?[] _failures;
    private readonly TaskCompletionSource _allPrepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SystemSolve[]> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _unprepared;
    private int _unfinished;
    private int _preparationFailures;

    private SolverThreads(IReadOnlyList<TargetEnvironment> targets, Func<TargetEnvironment, SystemSolve> prepare, CancellationToken cancellation)
    {
        _targets = targets;
        _prepare = prepare;
        _cancellation = cancellation;
        _solves = new SystemSolve?[targets.Count];
        _failures = new Exception?[targets.Count];
        _unprepared = targets.Count;
        _unfinished = targets.Count;
    }

    /// <summary>Prepares and solves each target on its own thread; completes, with the solves in target order, when every thread has finished.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static Task<SystemSolve[]> RunAsync(
        IReadOnlyList<TargetEnvironment> targets,
        Func<TargetEnvironment, SystemSolve> prepare,
        CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfZero(targets.Count);
        var threads = new SolverThreads(targets, prepare, cancellation);
        for (var position = 0; position < targets.Count; position++)
        {
            var thread = new Thread(threads.Solve) { IsBackground = true, Name = $"req2nix solver {targets[position].System}" };
            thread.Start(position);
        }
        return threads._finished.Task;
    }

    private void Solve(object? state)
    {
        var position = (int)state!;
        try
        {
            Prepare(position);
            _allPrepared.Task.Wait(_cancellation);
            if (Volatile.Read(ref _preparationFailures) == 0)
            {
                _solves[position]!.Run(_cancellation);
            }
        }
#pragma warning disable CA1031 // The failure is handed to whoever awaits the resolution.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failures[position] ??= exception;
        }
        if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            Finish();
        }
    }

    private void Prepare(int position)
    {
        try
        {
            _solves[position] = _prepare(_targets[position]);
        }
#pragma warning disable CA1031 // Recorded, then handed on after every system has been prepared.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failures[position] = exception;
            Interlocked.Increment(ref _preparationFailures);
        }
        finally
        {
            if (Interlocked.Decrement(ref _unprepared) == 0)
            {
                _allPrepared.SetResult();
            }
        }
    }

    /// <summary>On the last thread to finish.</summary>
    private void Finish()
    {
        foreach (var failure in _failures)
        {
            if (failure is not null)
            {
                // A single exception: awaiting the task rethrows it as it was, with its stack trace.
                _finished.SetException(failure);
                return;
            }
        }
        _finished.SetResult([.. _solves.Select(solve => solve!)]);
    }
}
