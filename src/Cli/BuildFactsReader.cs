using Req2Nix.Emit;
using Req2Nix.Inputs.Archives;
using Req2Nix.PyPI;
using Req2Nix.Resolver;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Cli;

/// <summary>
/// Fills in what Emit needs and no index says — an sdist's <c>[build-system].requires</c> and a
/// package's import names — by downloading (sha256-verified) the file each build starts from and
/// reading it in memory, several at once, each file once ever (<see cref="BuildFactsCache"/>).
/// A file that cannot be had (offline and not cached, too large, unreadable) is left unknown with a
/// warning; Emit then assumes setuptools and says so in a comment. A digest mismatch is an error.
/// </summary>
internal sealed class BuildFactsReader(PyPIClient client, BuildFactsCache cache, ConsoleReporter reporter)
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _notCached = [];

    /// <summary>Larger files are not downloaded only for their build facts.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    public async Task<Resolution> FillAsync(Resolution resolution, WheelPolicy policy, CancellationToken cancellationToken)
    {
        var files = BuildFiles.ToInspect(resolution, policy);
        var facts = new BuildFacts?[files.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = client.Options.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                facts[i] = await ReadAsync(files[i].File, token);
            });

        if (!_notCached.IsEmpty)
        {
            reporter.Warn($"offline: {_notCached.Count} of {files.Count} files are not in the cache, so their build systems and import names "
                + "were not read (the output assumes setuptools for sdists and leaves out pythonImportsCheck); run once online to fill the cache");
            reporter.Detail($"not in the cache: {string.Join(", ", _notCached.Order(StringComparer.Ordinal))}");
        }
        var filled = new Dictionary<ResolvedPackage, BuildFacts>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < files.Count; i++)
        {
            if (facts[i] is { } known)
            {
                filled[files[i].Package] = known;
            }
        }
        var packages = new List<ResolvedPackage>(resolution.Packages.Count);
        foreach (var package in resolution.Packages)
        {
            packages.Add(filled.TryGetValue(package, out var known)
                ? package with
                {
                    BuildRequires = package.BuildRequires ?? known.BuildRequires,
                    TopLevelModules = package.TopLevelModules ?? known.TopLevelModules,
                }
                : package);
        }
        return resolution with { Packages = packages };
    }

    private async Task<BuildFacts?> ReadAsync(ResolvedFile file, CancellationToken cancellationToken)
    {
        if (cache.TryGet(file.Sha256, out var cached))
        {
            return cached;
        }
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url))
        {
            return null;
        }
        try
        {
            var distribution = await client.GetDistributionAsync(
                new DistributionFile(file.Filename, url) { Sha256 = file.Sha256 }, MaxBytes, cancellationToken);
            var inspection = DistributionInspector.Inspect(file.Filename, distribution.Bytes);
            foreach (var warning in inspection.Warnings)
            {
                reporter.Warn($"{file.Filename}: {warning}");
            }
            var facts = new BuildFacts(inspection.BuildRequires, inspection.TopLevelModules);
            cache.Put(file.Sha256, facts);
            return facts;
        }
        catch (IndexUnavailableException) when (client.Options.Offline)
        {
            _notCached.Add(file.Filename);
            return null;
        }
        catch (Exception exception) when (exception is IndexUnavailableException or DistributionTooLargeException or ArchiveException)
        {
            reporter.Warn($"{file.Filename}: not read for its build system and import names: {exception.Message}");
            return null;
        }
    }
}
