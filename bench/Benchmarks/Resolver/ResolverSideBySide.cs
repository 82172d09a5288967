using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Req2Nix.FixtureIndex;
using Req2Nix.PyPI;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>
/// <c>resolver-side-by-side [REQUIREMENTS] [--latency-ms N] [--runs N] [--concurrency N] [--no-pip]</c>: req2nix and pip 23.2 resolve
/// the same requirements against the shared mirror served on loopback with added latency per
/// request, cold (empty caches) and warm (req2nix <c>--offline</c> from its cache; pip with its HTTP
/// cache), counting the requests each makes (the fixture server's log). req2nix runs in this
/// process and, for the warm whole-process figure, as a fresh process (<c>resolver-once</c>).
/// </summary>
internal static class ResolverSideBySide
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["resolver-side-by-side", ..])
        {
            return false;
        }
        var requirements = args.Skip(1).FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal) && File.Exists(arg)) ?? ResolverBenchInputs.DefaultCase;
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 20));
        var runs = (int)Option(args, "--runs", 3);
        var concurrency = (int)Option(args, "--concurrency", new PyPIClientOptions().MaxConcurrency);
        RunAsync(requirements, latency, runs, concurrency, withPip: !args.Contains("--no-pip")).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync(string requirements, TimeSpan latency, int runs, int concurrency, bool withPip)
    {
        var mirror = await MirrorBuilder.SharedMirrorAsync();
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = mirror });
        server.Faults = FaultSettings.None with { Latency = latency };
        var manifest = ResolverBenchInputs.Read(requirements);
        var work = Directory.CreateTempSubdirectory("req2nix-bench-").FullName;
        try
        {
            Console.WriteLine($"requirements: {requirements} ({manifest.Requirements.Count} lines); latency {latency.TotalMilliseconds} ms per request; {concurrency} requests at once; best of {runs}");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, dotnet {Environment.Version}, {PipVersion()}");
            Console.WriteLine();
            Console.WriteLine("| run | time | requests | pins |");
            Console.WriteLine("|---|---:|---:|---:|");

            // req2nix, in process: the first pass also JIT-compiles; the best of the runs is reported.
            var cold = await BestAsync(runs, async run =>
            {
                var cache = Path.Combine(work, $"cold-{run}");
                server.Requests.Reset();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                using var client = new PyPIClient(new PyPIClientOptions { IndexUrl = server.SimpleUrl, CacheDirectory = cache, MaxConcurrency = concurrency });
                var (resolution, statistics) = await new DependencyResolver(client, new ResolverOptions { MaxConcurrentRequests = concurrency }).ResolveWithStatisticsAsync(manifest, ResolverBenchInputs.Target(allSystems: false));
                Console.Error.WriteLine($"  cold run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms (this process: req2nix and the server), {statistics}");
                return (watch.Elapsed, server.Requests.Total, resolution.Packages.Count);
            });
            Print("req2nix cold (in process, x86_64-linux)", cold);

            var coldAll = await BestAsync(runs, async run =>
            {
                var cache = Path.Combine(work, $"cold-all-{run}");
                server.Requests.Reset();
                var watch = Stopwatch.StartNew();
                using var client = new PyPIClient(new PyPIClientOptions { IndexUrl = server.SimpleUrl, CacheDirectory = cache, MaxConcurrency = concurrency });
                var resolution = await new DependencyResolver(client, new ResolverOptions { MaxConcurrentRequests = concurrency }).ResolveAsync(manifest, ResolverBenchInputs.Target(allSystems: true));
                return (watch.Elapsed, server.Requests.Total, resolution.Packages.Count);
            });
            Print("req2nix cold (in process, 4 systems)", coldAll);

            var warmCache = Path.Combine(work, "cold-0");
            try
            {
                await WarmAsync(server, manifest, requirements, warmCache, runs);
            }
            catch (Req2Nix.Resolver.Index.IndexUnavailableException exception)
            {
                Console.WriteLine($"| req2nix warm --offline | failed: {exception.Message} | | |");
            }

            if (!withPip)
            {
                return;
            }
            var pipCache = Path.Combine(work, "pip-cache");
            server.Requests.Reset();
            var pipCold = RunPip(server.SimpleUrl, requirements, pipCache, work);
            var pipColdRequests = server.Requests.Total;
            Print("pip 23.2 cold (empty --cache-dir)", (pipCold.Elapsed, pipColdRequests, pipCold.Pins));
            server.Requests.Reset();
            var pipWarm = RunPip(server.SimpleUrl, requirements, pipCache, work);
            Print("pip 23.2 warm (same --cache-dir)", (pipWarm.Elapsed, server.Requests.Total, pipWarm.Pins));

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold: req2nix is {pipCold.Elapsed / cold.Elapsed:F0}x faster than pip"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task WarmAsync(FixtureIndexServer server, Manifest manifest, string requirements, string warmCache, int runs)
    {
        var warm = await BestAsync(runs, async _ =>
        {
            server.Requests.Reset();
            var watch = Stopwatch.StartNew();
            using var client = new PyPIClient(new PyPIClientOptions { IndexUrl = server.SimpleUrl, CacheDirectory = warmCache, Offline = true });
            var resolution = await new DependencyResolver(client).ResolveAsync(manifest, ResolverBenchInputs.Target(allSystems: false));
            return (watch.Elapsed, server.Requests.Total, resolution.Packages.Count);
        });
        Print("req2nix warm --offline (in process)", warm);

        var warmProcess = await BestAsync(runs, _ =>
        {
            server.Requests.Reset();
            var (elapsed, output) = RunProcess("dotnet", [typeof(ResolverSideBySide).Assembly.Location, "resolver-once", server.SimpleUrl.ToString(), warmCache, requirements, "--offline"], pip: false);
            return Task.FromResult((elapsed, server.Requests.Total, PinsFrom(output)));
        });
        Print("req2nix warm --offline (whole process)", warmProcess);
    }

    private static async Task<(TimeSpan Elapsed, int Requests, int Pins)> BestAsync(int runs, Func<int, Task<(TimeSpan, int, int)>> run)
    {
        (TimeSpan Elapsed, int Requests, int Pins) best = (TimeSpan.MaxValue, 0, 0);
        for (var i = 0; i < runs; i++)
        {
            var result = await run(i);
            if (result.Item1 < best.Elapsed)
            {
                best = result;
            }
        }
        return best;
    }

    private static void Print(string what, (TimeSpan Elapsed, int Requests, int Pins) result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {result.Elapsed.TotalMilliseconds:F0} ms | {result.Requests} | {result.Pins} |"));

    private static (TimeSpan Elapsed, int Pins) RunPip(Uri simpleUrl, string requirements, string cache, string work)
    {
        var report = Path.Combine(work, "pip-report.json");
        var (elapsed, _) = RunProcess(
            "python3",
            ["-m", "pip", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--disable-pip-version-check", "--quiet",
             "--cache-dir", cache, "--report", report, "--index-url", simpleUrl.ToString(), "-r", requirements],
            pip: true);
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        return (elapsed, document.RootElement.GetProperty("install").GetArrayLength());
    }

    private static (TimeSpan Elapsed, string Output) RunProcess(string program, IReadOnlyList<string> arguments, bool pip)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (pip)
        {
            foreach (var variable in start.Environment.Keys.Where(key => key.StartsWith("PIP_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(variable);
            }
            start.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = watch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error.Result}");
        }
        return (elapsed, output.Result);
    }

    private static int PinsFrom(string output) =>
        int.Parse(output.Split(' ')[0].Split('=')[1], CultureInfo.InvariantCulture);

    private static string PipVersion()
    {
        var (_, output) = RunProcess("python3", ["-m", "pip", "--version"], pip: true);
        return output.Split(" from ")[0];
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
