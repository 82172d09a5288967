using System.Collections.Concurrent;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Tests.Releases;

public class RequestSchedulerTests
{
    [Fact]
    public async Task Urgent_requests_run_first_then_speculative_ones_by_depth_then_in_the_order_they_came()
    {
        var scheduler = new RequestScheduler(limit: 1, CancellationToken.None);
        var started = new ConcurrentQueue<string>();
        var blocker = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = scheduler.Enqueue(() => blocker.Task, urgent: true);

        Func<Task<string>> Request(string label) => () =>
        {
            started.Enqueue(label);
            return Task.FromResult(label);
        };
        var requests = new[]
        {
            scheduler.Enqueue(Request("deep"), urgent: false, depth: 2),
            scheduler.Enqueue(Request("root listing"), urgent: false, depth: 0),
            scheduler.Enqueue(Request("child"), urgent: false, depth: 1),
            scheduler.Enqueue(Request("root metadata"), urgent: false, depth: 0),
            scheduler.Enqueue(Request("needed now"), urgent: true),
            scheduler.Enqueue(Request("deeper, then needed"), urgent: false, depth: 3),
        };
        requests[5].Promote();
        blocker.SetResult("blocker");
        await first.Task;
        await Task.WhenAll(requests.Select(request => request.Task));

        Assert.Equal(["needed now", "deeper, then needed", "root listing", "root metadata", "child", "deep"], started);
    }
}
