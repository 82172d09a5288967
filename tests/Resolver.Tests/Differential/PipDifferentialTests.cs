using System.Diagnostics;
using Req2Nix.FixtureIndex;
using Req2Nix.PyPI;
using Xunit.Abstractions;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// req2nix and pip 23.2 resolve the same requirement sets against the same mirror and must pin the
/// same versions, or both fail (docs/differential-testing.md). req2nix runs its whole stack: the
/// case read by the requirements-file reader, the index reached by <see cref="PyPIClient"/> over
/// HTTP on loopback with an empty cache, then once more <c>--offline</c> from that cache, which must
/// decide the same without a single request. One test case per folder under <c>Differential/cases</c>.
/// </summary>
public class PipDifferentialTests : IClassFixture<DifferentialFixture>
{
    private readonly DifferentialFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PipDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Cases() => [.. DifferentialCase.Names()];

    [PipDifferentialTheory]
    [MemberData(nameof(Cases))]
    public async Task Req2nix_pins_what_pip_pins_cold_and_offline(string name)
    {
        var differentialCase = DifferentialCase.Load(name);
        var pip = await _fixture.PipAsync(differentialCase);
        if (pip.Rejected)
        {
            var refusal = Assert.Throws<Inputs.Requirements.RequirementsFileException>(differentialCase.ToManifest);
            _output.WriteLine($"pip refuses the input: {pip.Diagnostics}");
            _output.WriteLine($"req2nix refuses it: {refusal.Message}");
            return;
        }
        var manifest = differentialCase.ToManifest();
        var cache = Directory.CreateTempSubdirectory("req2nix-differential-").FullName;
        // A server of the case's own, stopped after the cold run (which waits for requests the
        // resolver abandoned when it finished): its log holds every request req2nix made, and
        // nothing answers the offline run.
        var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = _fixture.MirrorFolder });
        var serverStopped = false;
        try
        {
            var options = new PyPIClientOptions { IndexUrl = server.SimpleUrl, CacheDirectory = cache };
            var cold = await ResolveAsync(manifest, options);
            await server.DisposeAsync();
            serverStopped = true;
            var coldRequests = server.Requests.Total;
            var offline = await ResolveAsync(manifest, options with { Offline = true });

            _output.WriteLine($"pip: {(pip.Resolved ? $"{pip.Pins.Count} pins" : "no solution")} in {pip.Seconds:F1} s");
            _output.WriteLine($"req2nix cold: {cold.Describe()}; the server answered {coldRequests}");
            _output.WriteLine($"req2nix --offline: {offline.Describe()}");
            if (cold.Failure is not null)
            {
                _output.WriteLine($"req2nix says: {cold.Failure}");
            }
            AssertAgrees(pip, cold);
            Assert.Equal(cold.Pins, offline.Pins);
            Assert.Equal(cold.Failure, offline.Failure);
            Assert.Equal(0, offline.Client.Requests);
            Assert.Equal(coldRequests, server.Requests.Total);
        }
        finally
        {
            if (!serverStopped)
            {
                await server.DisposeAsync();
            }
            Directory.Delete(cache, recursive: true);
        }
    }

    private static async Task<Req2nixOutcome> ResolveAsync(Manifest manifest, PyPIClientOptions options)
    {
        using var client = new PyPIClient(options);
        var watch = Stopwatch.StartNew();
        try
        {
            var (resolution, statistics) = await new DependencyResolver(client).ResolveWithStatisticsAsync(manifest, DifferentialCase.Target);
            string[] pins = [.. resolution.Packages.Select(package => $"{package.Name}=={package.Version}").Order(StringComparer.Ordinal)];
            return new Req2nixOutcome(pins, null, statistics, client.Counts, watch.Elapsed);
        }
        catch (ResolutionImpossibleException exception)
        {
            return new Req2nixOutcome(null, exception.Message, null, client.Counts, watch.Elapsed);
        }
    }

    private void AssertAgrees(PipOutcome pip, Req2nixOutcome ours)
    {
        if (!pip.Resolved)
        {
            _output.WriteLine($"pip says: {pip.Diagnostics}");
            Assert.True(!ours.Resolved, $"pip finds no solution, req2nix pins {string.Join(' ', ours.Pins ?? [])}\npip: {pip.Diagnostics}");
            return;
        }
        Assert.True(ours.Resolved, $"pip pins {string.Join(' ', pip.Pins)}; req2nix fails: {ours.Failure}");
        var missing = pip.Pins.Except(ours.Pins!).ToList();
        var extra = ours.Pins!.Except(pip.Pins).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"pins differ: pip only {string.Join(' ', missing)}; req2nix only {string.Join(' ', extra)}");
    }
}
