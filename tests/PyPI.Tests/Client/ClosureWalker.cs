using System.Collections.Concurrent;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Tests.Client;

/// <summary>
/// Walks the dependency closure of some requirements through an index the simplest way: for each
/// project the newest final, non-yanked release (pre-releases only when there is nothing else),
/// preferring a wheel; its dependencies whose markers hold for CPython 3.11 on Linux, with the
/// extras asked of it. Not a resolver: it exercises the client as a resolver would.
/// </summary>
internal static class ClosureWalker
{
    private static readonly MarkerEnvironment Environment = MarkerEnvironment.For(NixSystem.LinuxX64, PythonTarget.Parse("3.11"));

    public static async Task<Closure> WalkAsync(IPackageIndex index, params string[] roots)
    {
        var closure = new Closure();
        var extrasSeen = new Dictionary<PackageName, HashSet<ExtraName>>();
        var choices = new Dictionary<PackageName, Task<Chosen?>>();
        var pending = new Queue<Requirement>(roots.Select(Requirement.Parse));
        while (pending.Count > 0)
        {
            // One wave at a time, concurrently, as a resolver prefetches.
            var wave = new List<Requirement>();
            while (pending.TryDequeue(out var next))
            {
                wave.Add(next);
            }
            var work = new List<(Requirement Requirement, Task<Chosen?> Choice)>();
            foreach (var requirement in wave)
            {
                var name = requirement.NormalizedName;
                var seen = extrasSeen.TryGetValue(name, out var known);
                var newExtras = requirement.Extras.Where(e => known is null || !known.Contains(e)).ToList();
                if (seen && newExtras.Count == 0)
                {
                    continue;
                }
                known ??= extrasSeen[name] = [];
                known.UnionWith(requirement.Extras);
                if (!choices.TryGetValue(name, out var choice))
                {
                    choice = choices[name] = ChooseAsync(index, name, closure);
                }
                work.Add((requirement, choice));
            }
            foreach (var (requirement, choice) in work)
            {
                if (await choice is not { } chosen)
                {
                    continue;
                }
                foreach (var dependency in chosen.Metadata.RequiresDist)
                {
                    if (Applies(dependency, null) || requirement.Extras.Any(extra => Applies(dependency, extra)))
                    {
                        pending.Enqueue(dependency);
                    }
                }
            }
        }
        return closure;
    }

    private static bool Applies(Requirement dependency, ExtraName? extra)
    {
        try
        {
            return dependency.AppliesTo(Environment, extra);
        }
        catch (MarkerEvaluationException)
        {
            return false;
        }
    }

    private static async Task<Chosen?> ChooseAsync(IPackageIndex index, PackageName name, Closure closure)
    {
        var listing = await index.FindProjectAsync(name, default);
        if (listing is null)
        {
            closure.Missing.Add(name);
            return null;
        }
        closure.Listings[name] = listing;
        var candidates = listing.Files
            .Where(f => !f.Yanked)
            .Select(f => (File: f, Parsed: DistributionFilename.TryParse(f.Filename, name, out var parsed) ? parsed : null))
            .Where(c => c.Parsed is not null && Pep440Version.TryParse(c.Parsed.VersionText, out _))
            .Select(c => (c.File, c.Parsed!.Kind, Version: Pep440Version.Parse(c.Parsed.VersionText)))
            .ToList();
        var finals = candidates.Where(c => !c.Version.IsPreRelease).ToList();
        var pool = finals.Count > 0 ? finals : candidates;
        var best = pool
            .OrderByDescending(c => c.Version)
            .ThenBy(c => c.Kind == DistributionKind.Wheel ? 0 : 1)
            .ThenBy(c => c.File.HasCoreMetadata ? 0 : 1)
            .First();
        var metadata = await index.GetMetadataAsync(best.File, default);
        var chosen = new Chosen(best.File, metadata);
        closure.Chosen[name] = chosen;
        return chosen;
    }
}

internal sealed record Chosen(DistributionFile File, CoreMetadata Metadata);

internal sealed class Closure
{
    // Filled from concurrent tasks.
    public ConcurrentDictionary<PackageName, ProjectListing> Listings { get; } = [];

    public ConcurrentDictionary<PackageName, Chosen> Chosen { get; } = [];

    public ConcurrentBag<PackageName> Missing { get; } = [];

    /// <summary>Everything the walk saw, as text: equal texts mean equal answers from the index.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        foreach (var (name, listing) in Listings.OrderBy(p => p.Key))
        {
            lines.Add($"project {name}");
            lines.AddRange(listing.Files.Select(Canonical.Describe));
        }
        foreach (var (name, chosen) in Chosen.OrderBy(p => p.Key))
        {
            lines.Add($"chosen {name} {chosen.File.Filename}: {Canonical.Describe(chosen.Metadata)}");
        }
        lines.AddRange(Missing.Order().Select(m => $"missing {m}"));
        return string.Join('\n', lines);
    }
}

internal static class Canonical
{
    public static string Describe(DistributionFile file) =>
        $"  {file.Filename} {file.Url} sha256={file.Sha256?.ToHex()} rp={file.RequiresPython} yanked={file.Yanked}:{file.YankedReason} "
        + $"metadata={file.HasCoreMetadata}:{file.CoreMetadataSha256?.ToHex()} size={file.Size}";

    public static string Describe(CoreMetadata metadata) =>
        $"{metadata.Name} {metadata.Version} rp={metadata.RequiresPython} deps=[{string.Join("; ", metadata.RequiresDist)}] "
        + $"invalid=[{string.Join("; ", metadata.InvalidRequiresDist)}] extras=[{string.Join(",", metadata.ProvidesExtra)}]";
}
