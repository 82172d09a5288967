using System.Net;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class FaultDeterminismTests
{
    private const int RequestsPerPath = 24;

    private static readonly string[] Paths =
    [
        "/simple/requests/",
        "/simple/flask/",
        "/pypi/click/json",
        "/pypi/idna/2.10/json",
        "/packages/py3/s/six/six-1.15.0-py3-none-any.whl",
        "/simple/no-such-project/",
    ];

    private static readonly FaultSettings Flaky = FaultSettings.None with { Seed = 7, FailureRate = 0.3, TruncationRate = 0.3 };

    [Fact]
    public void Decisions_are_a_pure_function_of_seed_path_and_ordinal()
    {
        var copy = FaultSettings.None with { Seed = 7, FailureRate = 0.3, TruncationRate = 0.3 };

        foreach (var path in Paths)
        {
            Assert.Equal(Sequence(Flaky, path), Sequence(copy, path));
            Assert.NotEqual(Sequence(Flaky, path), Sequence(Flaky with { Seed = 8 }, path));
        }
        Assert.NotEqual(Sequence(Flaky, Paths[0]), Sequence(Flaky, Paths[1]));
    }

    [Fact]
    public void Drawn_faults_follow_their_rates()
    {
        var failures = 0;
        var truncations = 0;
        const int Draws = 20_000;
        for (var n = 1; n <= Draws; n++)
        {
            var decision = Flaky.Decide("/simple/requests/", n);
            failures += decision.Kinds == FaultKind.Failure ? 1 : 0;
            truncations += decision.Kinds == FaultKind.Truncated ? 1 : 0;
        }

        Assert.InRange(failures / (double)Draws, 0.28, 0.32);
        // Truncation is drawn among the requests that did not fail: 0.7 * 0.3.
        Assert.InRange(truncations / (double)Draws, 0.19, 0.23);
    }

    [Fact]
    public async Task The_same_seed_gives_each_path_the_same_fault_sequence_whatever_the_concurrency()
    {
        var concurrent = await ObserveAsync(concurrently: true);
        var sequential = await ObserveAsync(concurrently: false);

        foreach (var path in Paths)
        {
            var expected = Sequence(Flaky, path).Select(d => Outcome(d, path)).ToList();
            Assert.Equal(expected, concurrent.ServerSequence[path]);
            Assert.Equal(expected, sequential.ServerSequence[path]);
            Assert.Equal(Sorted(expected), Sorted(concurrent.ClientOutcomes[path]));
            Assert.Equal(Sorted(expected), Sorted(sequential.ClientOutcomes[path]));
        }
        // The draw is not degenerate: every kind of outcome occurred.
        var all = concurrent.ServerSequence.Values.SelectMany(s => s).ToHashSet();
        Assert.Contains("503", all);
        Assert.Contains("truncated", all);
        Assert.Contains("ok", all);
    }

    private static List<FaultDecision> Sequence(FaultSettings settings, string path) =>
        [.. Enumerable.Range(1, RequestsPerPath).Select(n => settings.Decide(path, n))];

    /// <summary>What a client sees for a decision: only content (not a 404's message) is ever cut short.</summary>
    private static string Outcome(FaultDecision decision, string path) => decision switch
    {
        { Fails: true } => decision.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Kinds: FaultKind.Truncated } when !path.Contains("no-such", StringComparison.Ordinal) => "truncated",
        _ => "ok",
    };

    private static List<string> Sorted(IEnumerable<string> outcomes) => [.. outcomes.Order(StringComparer.Ordinal)];

    private static async Task<Observation> ObserveAsync(bool concurrently)
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Faults = Flaky });
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        var requests = Paths.SelectMany(path => Enumerable.Repeat(path, RequestsPerPath)).ToList();
        var outcomes = new List<(string Path, string Outcome)>();
        if (concurrently)
        {
            outcomes.AddRange(await Task.WhenAll(requests.Select(path => FetchAsync(client, server, path))));
        }
        else
        {
            // Interleaved the other way round, one at a time.
            requests.Reverse();
            foreach (var path in requests)
            {
                outcomes.Add(await FetchAsync(client, server, path));
            }
        }
        var serverSequence = server.Requests.Records()
            .GroupBy(r => r.Path)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Ordinal).Select(ServerOutcome).ToList());
        var clientOutcomes = outcomes.GroupBy(o => o.Path).ToDictionary(g => g.Key, g => g.Select(o => o.Outcome).ToList());
        return new Observation(serverSequence, clientOutcomes);
    }

    private static string ServerOutcome(RequestRecord record) => record switch
    {
        { Faults: FaultKind.Failure } => record.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Faults: FaultKind.Truncated } => "truncated",
        _ => "ok",
    };

    private static async Task<(string Path, string Outcome)> FetchAsync(HttpClient client, FixtureIndexServer server, string path)
    {
        try
        {
            using var response = await client.GetAsync(server.Url(path));
            var status = response.StatusCode;
            var ok = status == HttpStatusCode.OK || (status == HttpStatusCode.NotFound && path.Contains("no-such", StringComparison.Ordinal));
            return (path, ok ? "ok" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException)
        {
            return (path, "truncated");
        }
    }

    private sealed record Observation(Dictionary<string, List<string>> ServerSequence, Dictionary<string, List<string>> ClientOutcomes);
}
