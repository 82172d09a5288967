using System.Diagnostics;
using Req2Nix.PyPI;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>
/// <c>resolver-once INDEX_URL CACHE_DIR REQUIREMENTS [--offline] [--all-systems]</c>: one resolution in a
/// fresh process, as the CLI will run it (the side-by-side script times the whole process with it).
/// Prints <c>pins=N ms=T</c>.
/// </summary>
internal static class ResolveOnce
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["resolver-once", var indexUrl, var cache, var requirements, ..])
        {
            return false;
        }
        var offline = args.Contains("--offline");
        var allSystems = args.Contains("--all-systems");
        var watch = Stopwatch.StartNew();
        using var client = new PyPIClient(new PyPIClientOptions { IndexUrl = new Uri(indexUrl), CacheDirectory = cache, Offline = offline });
        var resolution = new DependencyResolver(client)
            .ResolveAsync(ResolverBenchInputs.Read(requirements), ResolverBenchInputs.Target(allSystems))
            .GetAwaiter().GetResult();
        Console.WriteLine($"pins={resolution.Packages.Count} ms={watch.Elapsed.TotalMilliseconds:F0}");
        return true;
    }
}
