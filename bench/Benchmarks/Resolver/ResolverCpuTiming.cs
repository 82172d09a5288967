using System.Diagnostics;
using Req2Nix.FixtureIndex;
using Req2Nix.PyPI;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>
/// <c>resolver-cpu [REQUIREMENTS] [--runs N]</c>: the resolver's own time, with every index answer
/// already in memory (the first resolution fills a <see cref="MemoizingIndex"/>): one system and four.
/// </summary>
internal static class ResolverCpuTiming
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["resolver-cpu", ..])
        {
            return false;
        }
        var requirements = args.Skip(1).FirstOrDefault(File.Exists) ?? ResolverBenchInputs.DefaultCase;
        var runsIndex = Array.IndexOf(args, "--runs");
        var runs = runsIndex >= 0 ? int.Parse(args[runsIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        RunAsync(requirements, runs).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync(string requirements, int runs)
    {
        var mirror = await MirrorBuilder.SharedMirrorAsync();
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = mirror });
        using var client = new PyPIClient(new PyPIClientOptions { IndexUrl = server.SimpleUrl });
        var index = new MemoizingIndex(client);
        var manifest = ResolverBenchInputs.Read(requirements);
        foreach (var allSystems in new[] { false, true })
        {
            var target = ResolverBenchInputs.Target(allSystems);
            await new DependencyResolver(index).ResolveAsync(manifest, target);
            var best = TimeSpan.MaxValue;
            var allocated = 0L;
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await new DependencyResolver(index).ResolveAsync(manifest, target);
                best = watch.Elapsed < best ? watch.Elapsed : best;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;
                _ = before;
            }
            Console.WriteLine($"{(allSystems ? "4 systems" : "x86_64-linux")}: best {best.TotalMilliseconds:F1} ms of {runs}, {allocated / 1024.0 / 1024.0:F1} MB allocated per resolution");
        }
    }
}
