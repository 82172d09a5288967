using System.Diagnostics;

namespace Req2Nix.Inputs.Tests;

/// <summary>
/// The per-input time limit of the fuzz tests. On a loaded machine a thread can be descheduled for
/// longer than the limit, so an input over it is timed again: a pathological input (quadratic,
/// looping) is slow on every run, a scheduling pause is not. The time that counts is the fastest run.
/// </summary>
internal sealed class FuzzTimeBudget(TimeSpan limit)
{
    private const int Reruns = 2;

    private readonly Stopwatch _stopwatch = new();

    public TimeSpan Limit { get; } = limit;

    /// <summary>Runs <paramref name="action"/> once and times it; what it throws passes through.</summary>
    public void Run(Action action)
    {
        _stopwatch.Restart();
        try
        {
            action();
        }
        finally
        {
            _stopwatch.Stop();
        }
    }

    /// <summary>
    /// Whether the last <see cref="Run"/> took longer than the limit also when run again
    /// (<paramref name="action"/> should be the same work; what it throws is ignored); the fastest time in <paramref name="fastest"/>.
    /// </summary>
    public bool Exceeded(Action action, out TimeSpan fastest)
    {
        fastest = _stopwatch.Elapsed;
        for (var rerun = 0; rerun < Reruns && fastest > Limit; rerun++)
        {
            var again = Stopwatch.StartNew();
            try
            {
                action();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The first run's outcome was already judged; only the time matters here.
            }
            fastest = again.Elapsed < fastest ? again.Elapsed : fastest;
        }
        return fastest > Limit;
    }
}
