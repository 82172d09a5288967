using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Tests.Releases;

public class ScheduledRequestTests
{
    [Fact]
    public async Task A_request_waiting_for_a_slot_is_not_run_by_the_thread_that_needs_it()
    {
        var scheduler = new RequestScheduler(limit: 1, CancellationToken.None);
        var blocker = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holdsTheSlot = scheduler.Enqueue(() => blocker.Task, urgent: true);
        var calls = 0;
        var queued = scheduler.Enqueue(() =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult("queued");
        }, urgent: true);

        Assert.False(queued.TryRunHere());
        Assert.Equal(0, Volatile.Read(ref calls));

        blocker.SetResult("blocker");
        Assert.Equal("blocker", await holdsTheSlot.Task);
        Assert.Equal("queued", await queued.Task);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    /// <summary>
    /// A request started from a thread outside the pool (as a solver's and the main thread's are)
    /// waits in the pool's queue; the thread that needs it races the pool to run it. Whoever wins,
    /// it runs once, and its slot is given back.
    /// </summary>
    [Fact]
    public async Task A_started_request_runs_once_whether_the_thread_that_needs_it_or_the_pool_runs_it()
    {
        var ranHere = 0;
        for (var round = 0; round < 200; round++)
        {
            var scheduler = new RequestScheduler(limit: 1, CancellationToken.None);
            var calls = 0;
            var ranOn = 0;
            ScheduledRequest<int>? request = null;
            var here = false;
            var completedWhenItReturned = false;
            var needing = new Thread(() =>
            {
                request = scheduler.Enqueue(() =>
                {
                    Interlocked.Increment(ref calls);
                    ranOn = Environment.CurrentManagedThreadId;
                    return Task.FromResult(42);
                }, urgent: true);
                here = request.TryRunHere();
                completedWhenItReturned = request.Task.IsCompleted;
            });
            needing.Start();
            needing.Join();

            Assert.Equal(42, await request!.Task);
            Assert.Equal(1, Volatile.Read(ref calls));
            if (here)
            {
                ranHere++;
                Assert.Equal(needing.ManagedThreadId, ranOn);
                Assert.True(completedWhenItReturned);
            }
            var next = scheduler.Enqueue(() => Task.FromResult(7), urgent: true);
            Assert.Equal(7, await next.Task);
        }
        // The needing thread asks at once, the pool has to wake a thread first: it wins nearly always.
        Assert.True(ranHere > 0);
    }

    [Fact]
    public async Task A_failure_of_a_request_run_by_the_thread_that_needs_it_is_the_request_s()
    {
        var scheduler = new RequestScheduler(limit: 1, CancellationToken.None);
        ScheduledRequest<int>? request = null;
        var needing = new Thread(() =>
        {
            request = scheduler.Enqueue<int>(() => throw new InvalidOperationException("no listing"), urgent: true);
            request.TryRunHere();
        });
        needing.Start();
        needing.Join();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => request!.Task);
        Assert.Equal("no listing", failure.Message);
        var next = scheduler.Enqueue(() => Task.FromResult(7), urgent: true);
        Assert.Equal(7, await next.Task);
    }
}
