using System.Collections.Concurrent;
using Req2Nix.Emit;
using Req2Nix.Inputs.Archives;
using Req2Nix.Packaging.Hashing;
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
/// Reads are kept for the run by sha256, so that some may start before the resolution is final
/// (<see cref="SpeculativeBuildFacts"/>); only the files the final resolution uses are reported.
/// </summary>
internal sealed class BuildFactsReader(PyPIClient client, BuildFactsCache cache, ConsoleReporter reporter)
{
    private readonly ConcurrentDictionary<Sha256Digest, FileFactsRead> _reads = new();

    /// <summary>Larger files are not downloaded only for their build facts.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    /// <summary>The read of <paramref name="file"/> in this run's table; <paramref name="added"/> when it was not there yet.</summary>
    public FileFactsRead ReadOf(ResolvedFile file, out bool added)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (_reads.TryGetValue(file.Sha256, out var known))
        {
            added = false;
            return known;
        }
        var created = new FileFactsRead(file);
        var read = _reads.GetOrAdd(file.Sha256, created);
        added = ReferenceEquals(read, created);
        return read;
    }

    public async Task<Resolution> FillAsync(Resolution resolution, WheelPolicy policy, CancellationToken cancellationToken)
    {
        var files = BuildFiles.ToInspect(resolution, policy);
        var outcomes = new FileFacts[files.Count];
        ReportSpeculation(files);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = client.Options.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                outcomes[i] = await OutcomeAsync(files[i].File, token);
            });

        var notCached = new List<string>();
        var filled = new Dictionary<ResolvedPackage, BuildFacts>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < files.Count; i++)
        {
            foreach (var warning in outcomes[i].Warnings)
            {
                reporter.Warn(warning);
            }
            if (outcomes[i].NotInCache)
            {
                notCached.Add(files[i].File.Filename);
            }
            if (outcomes[i].Facts is { } known)
            {
                filled[files[i].Package] = known;
            }
        }
        if (notCached.Count > 0)
        {
            reporter.Warn($"offline: {notCached.Count} of {files.Count} files are not in the cache, so their build systems and import names "
                + "were not read (the output assumes setuptools for sdists and leaves out pythonImportsCheck); run once online to fill the cache");
            reporter.Detail($"not in the cache: {string.Join(", ", notCached.Order(StringComparer.Ordinal))}");
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

    /// <summary>For <c>-v</c>: how much of the reading the speculation did, and how much it did for nothing.</summary>
    private void ReportSpeculation(IReadOnlyList<(ResolvedPackage Package, ResolvedFile File)> files)
    {
        var done = 0;
        var underWay = 0;
        var known = 0;
        foreach (var (_, file) in files)
        {
            if (_reads.TryGetValue(file.Sha256, out var read))
            {
                known++;
                done += read.Completion.IsCompleted ? 1 : 0;
                underWay += read.IsClaimed && !read.Completion.IsCompleted ? 1 : 0;
            }
        }
        reporter.Detail($"build facts: {done} of {files.Count} files read while resolving, {underWay} under way; {_reads.Count - known} queued for pins not kept");
    }

    /// <summary>The outcome for a file the output uses: the run's read of it, started here when no one has yet.</summary>
    private async Task<FileFacts> OutcomeAsync(ResolvedFile file, CancellationToken cancellationToken)
    {
        var read = ReadOf(file, out _);
        if (read.File != file)
        {
            // The same bytes listed under another name or URL: read as listed here, so that warnings and errors name it.
            read = new FileFactsRead(file);
        }
        if (read.TryClaim())
        {
            await read.RunAsync(ReadAsync, cancellationToken);
        }
        return await read.Completion.WaitAsync(cancellationToken);
    }

    /// <summary>Reads one file's build facts (from the cache when it has them); the warnings are returned, not reported.</summary>
    public async Task<FileFacts> ReadAsync(ResolvedFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (cache.TryGet(file.Sha256, out var cached))
        {
            return new FileFacts(cached, [], NotInCache: false);
        }
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url))
        {
            return FileFacts.Unknown;
        }
        try
        {
            var distribution = await client.GetDistributionAsync(
                new DistributionFile(file.Filename, url) { Sha256 = file.Sha256 }, MaxBytes, keepBytes: false, cancellationToken);
            var inspection = DistributionInspector.Inspect(file.Filename, distribution.Bytes);
            var facts = new BuildFacts(inspection.BuildRequires, inspection.TopLevelModules);
            cache.Put(file.Sha256, facts);
            return new FileFacts(facts, [.. inspection.Warnings.Select(warning => $"{file.Filename}: {warning}")], NotInCache: false);
        }
        catch (IndexUnavailableException) when (client.Options.Offline)
        {
            return FileFacts.Missing;
        }
        catch (Exception exception) when (exception is IndexUnavailableException or DistributionTooLargeException or ArchiveException)
        {
            return FileFacts.Warning($"{file.Filename}: not read for its build system and import names: {exception.Message}");
        }
    }
}
