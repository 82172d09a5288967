using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

public sealed class ResilienceTests
{
    private static readonly string[] Roots = ["requests[security,socks]==2.25.0", "flask[dotenv]"];

    [Fact]
    public async Task With_a_third_of_requests_failing_and_a_tenth_cut_short_the_answers_are_the_fault_free_ones()
    {
        await using var clean = await FixtureIndexServer.StartAsync();
        await using var faulty = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { Seed = 42, FailureRate = 0.3, TruncationRate = 0.1 },
        });
        using var reference = TestClient.For(clean, configure: o => o with { VerifyIndexDigests = true });
        using var test = TestClient.For(faulty, configure: o => o with { VerifyIndexDigests = true });

        var expected = await ClosureWalker.WalkAsync(reference.Client, Roots);
        var actual = await ClosureWalker.WalkAsync(test.Client, Roots);
        var expectedDigests = await Task.WhenAll(expected.Chosen.OrderBy(p => p.Key).Select(p => p.Value).Select(c => reference.Client.GetSha256Async(c.File, default)));
        var actualDigests = await Task.WhenAll(actual.Chosen.OrderBy(p => p.Key).Select(p => p.Value).Select(c => test.Client.GetSha256Async(c.File, default)));

        Assert.Equal(expected.Describe().Replace($":{clean.Port}/", ":PORT/", StringComparison.Ordinal), actual.Describe().Replace($":{faulty.Port}/", ":PORT/", StringComparison.Ordinal));
        Assert.Equal(expectedDigests, actualDigests);
        Assert.Equal(actual.Chosen.OrderBy(p => p.Key).Select(p => p.Value.File.Sha256!.Value), actualDigests);
        Assert.Equal(18, expected.Chosen.Count);
        var records = faulty.Requests.Records();
        Assert.True(records.Count(r => r.Faults == FaultKind.Failure) > 10, "faults were injected");
        Assert.True(records.Count(r => r.Faults == FaultKind.Truncated) > 3, "bodies were cut short");
        Assert.True(test.Client.Counts.Retries > 10);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_its_Retry_After_asks()
    {
        const string Path = "/simple/six/";
        var faults = Enumerable.Range(0, 1000)
            .Select(seed => FaultSettings.None with { Seed = seed, FailureRate = 0.5, FailureStatus = 429, RetryAfter = TimeSpan.FromSeconds(1) })
            .First(f => f.Decide(Path, 1).Fails && !f.Decide(Path, 2).Fails);
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Faults = faults });
        using var test = TestClient.For(server);

        var started = Stopwatch.GetTimestamp();
        var listing = await test.Client.GetProjectAsync(PackageName.Parse("six"), default);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.NotEmpty(listing.Files);
        Assert.Equal(1, server.Requests.CountFor(Path, 429));
        Assert.Equal(1, server.Requests.CountFor(Path, 200));
        // The backoff alone would retry within milliseconds.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {elapsed.TotalMilliseconds} ms");
        Assert.Contains(test.Events, e => e.Kind == IndexClientEventKind.Retry && e.Message.Contains("in 1 s after: 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_Retry_After_is_capped()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { FailureRate = 1, FailureStatus = 429, RetryAfter = TimeSpan.FromSeconds(60) },
        });
        using var test = TestClient.For(server, configure: o => o with
        {
            Retry = TestClient.FastRetries with { MaxRetries = 2, MaxRetryAfter = TimeSpan.FromMilliseconds(200) },
        });

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("six"), default));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.FromSeconds(10));
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Total);
    }

    [Fact]
    public async Task A_url_that_always_fails_ends_in_one_error_naming_it_when_retries_are_spent()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None.WithFixedStatus("/simple/idna/", 503),
        });
        using var test = TestClient.For(server, configure: o => o with { Retry = TestClient.FastRetries with { MaxRetries = 3 } });

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("idna"), default));

        Assert.Equal(server.Url("/simple/idna/").AbsoluteUri, error.Url);
        Assert.Equal($"{server.Url("/simple/idna/")}: 503 Service Unavailable (gave up after 4 attempts)", error.Message);
        Assert.Equal(4, server.Requests.CountFor("/simple/idna/", 503));
        Assert.Equal(3, test.Events.Count(e => e.Kind == IndexClientEventKind.Retry));
    }

    [Fact]
    public async Task A_url_that_always_fails_ends_within_the_deadline()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None.WithFixedStatus("/simple/idna/", 503),
        });
        using var test = TestClient.For(server, configure: o => o with
        {
            Deadline = TimeSpan.FromSeconds(1.5),
            Retry = new RetrySettings { MaxRetries = 100, BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        });

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("idna"), default));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.InRange(elapsed, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(4));
        Assert.Equal(server.Url("/simple/idna/").AbsoluteUri, error.Url);
        Assert.Contains("the overall deadline of 1.5 s passed", error.Message, StringComparison.Ordinal);
        Assert.Contains("the last one: 503 Service Unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_progress_times_out_and_is_retried()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None with { Latency = TimeSpan.FromSeconds(3) },
        });
        using var test = TestClient.For(server, configure: o => o with
        {
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            Retry = TestClient.FastRetries with { MaxRetries = 1 },
        });

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("six"), default));

        Assert.Contains("no progress within 0.2 s (gave up after 2 attempts)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var test = new TestClient(new PyPIClientOptions { IndexUrl = new Uri($"http://127.0.0.1:{port}/simple/"), Retry = TestClient.FastRetries with { MaxRetries = 2 } }, ownsCache: false);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("six"), default));

        Assert.Equal($"http://127.0.0.1:{port}/simple/six/", error.Url);
        Assert.Contains("gave up after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_keeps_arriving_damaged_is_reported_as_malformed()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = FaultSettings.None.WithCorruptedBody("/simple/requests/"),
        });
        using var test = TestClient.For(server, configure: o => o with { Retry = TestClient.FastRetries with { MaxRetries = 2 } });

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("requests"), default));

        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.CountFor("/simple/requests/"));
    }

    [Fact]
    public async Task Missing_credentials_are_not_retried()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions().RequireBasicAuth("alice", "secret"));
        using var test = TestClient.For(server);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => test.Client.GetProjectAsync(PackageName.Parse("six"), default));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains(".netrc", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests.Total);
    }
}
