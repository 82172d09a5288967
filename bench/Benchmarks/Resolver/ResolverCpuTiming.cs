using System.Diagnostics;
using System.Globalization;
using Req2Nix.FixtureIndex;
using Req2Nix.PyPI;
using Req2Nix.Resolver;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>
/// <c>resolver-cpu [REQUIREMENTS] [--runs N]</c>: the resolver's own cost, one system and four, in
/// two settings: every index answer already in memory (a <see cref="MemoizingIndex"/> filled by a
/// first resolution), and warm <c>--offline</c> (a new <see cref="PyPIClient"/> per run reading the
/// disk cache that a cold run filled: cache reads, page parsing and the resolver). Reports the best
/// wall time, the median process CPU time and the bytes allocated per resolution.
/// </summary>
internal static class ResolverCpuTiming
{
    /// <summary>Runs made before measuring, so that the JIT has compiled the hot paths at full optimisation.</summary>
    private const int Warmup = 5;

    public static bool TryRun(string[] args)
    {
        if (args is not ["resolver-cpu", ..])
        {
            return false;
        }
        var requirements = args.Skip(1).FirstOrDefault(File.Exists) ?? ResolverBenchInputs.DefaultCase;
        var runsIndex = Array.IndexOf(args, "--runs");
        var runs = runsIndex >= 0 ? int.Parse(args[runsIndex + 1], CultureInfo.InvariantCulture) : 20;
        RunAsync(requirements, runs).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync(string requirements, int runs)
    {
        var mirror = await MirrorBuilder.SharedMirrorAsync();
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = mirror });
        var manifest = ResolverBenchInputs.Read(requirements);
        var cache = Directory.CreateTempSubdirectory("req2nix-bench-cpu-").FullName;
        try
        {
            using var client = new PyPIClient(new PyPIClientOptions { IndexUrl = server.SimpleUrl, CacheDirectory = cache });
            var memoized = new MemoizingIndex(client);
            Console.WriteLine($"requirements: {requirements}; {runs} runs each; {Environment.ProcessorCount} cores, dotnet {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine("| setting | systems | best wall | median CPU | allocated |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach (var allSystems in new[] { false, true })
            {
                var target = ResolverBenchInputs.Target(allSystems);
                var systems = allSystems ? "4" : "x86_64-linux";
                Print("answers in memory", systems, await MeasureAsync(runs, () => memoized, manifest, target));
                Print("warm --offline (disk cache)", systems, await MeasureAsync(runs, () => OfflineClient(server, cache), manifest, target));
            }
            Console.WriteLine();
            Console.WriteLine(ReadListings(memoized.Listings, runs));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>What reading every listing into <see cref="ProjectReleases"/> costs (best of the runs).</summary>
    private static string ReadListings(IReadOnlyList<ProjectListing> listings, int runs)
    {
        var best = TimeSpan.MaxValue;
        var allocated = long.MaxValue;
        for (var i = 0; i < runs + Warmup; i++)
        {
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            foreach (var listing in listings)
            {
                ProjectReleases.From(listing);
            }
            best = i < Warmup || watch.Elapsed > best ? best : watch.Elapsed;
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
        }
        var files = listings.Sum(listing => listing.Files.Count);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"reading the {listings.Count} listings ({files} files) into releases: best {best.TotalMilliseconds:F1} ms, {allocated / 1024.0 / 1024.0:F1} MB allocated");
    }

    private static PyPIClient OfflineClient(FixtureIndexServer server, string cache) =>
        new(new PyPIClientOptions { IndexUrl = server.SimpleUrl, CacheDirectory = cache, Offline = true });

    private static async Task<Measurement> MeasureAsync(int runs, Func<IPackageIndex> index, Manifest manifest, ResolutionTarget target)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await ResolveAsync(index(), manifest, target);
        }
        var best = TimeSpan.MaxValue;
        var cpu = new List<TimeSpan>(runs);
        var allocated = long.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await ResolveAsync(index(), manifest, target);
            var elapsed = watch.Elapsed;
            process.Refresh();
            cpu.Add(process.TotalProcessorTime - cpuBefore);
            best = elapsed < best ? elapsed : best;
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
        }
        cpu.Sort();
        return new Measurement(best, cpu[cpu.Count / 2], allocated);
    }

    private static async Task ResolveAsync(IPackageIndex index, Manifest manifest, ResolutionTarget target)
    {
        try
        {
            await new DependencyResolver(index).ResolveAsync(manifest, target);
        }
        finally
        {
            (index as IDisposable)?.Dispose();
        }
    }

    private static void Print(string setting, string systems, Measurement measurement) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {setting} | {systems} | {measurement.Wall.TotalMilliseconds:F1} ms | {measurement.Cpu.TotalMilliseconds:F0} ms | {measurement.Allocated / 1024.0 / 1024.0:F1} MB |"));

    private readonly record struct Measurement(TimeSpan Wall, TimeSpan Cpu, long Allocated);
}
