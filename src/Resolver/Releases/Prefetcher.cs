using System.Collections.Concurrent;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// Fetches ahead of the solvers, as uv does: for each requirement it learns of, the project's
/// listing; when the listing arrives, the metadata of the version the solver will most likely pin
/// (the newest that the requirement admits on each target); when that arrives, the listings of its
/// dependencies that apply on some target — so a solver mostly waits for data already on its way.
/// Bounded: a budget of speculative metadata fetches, a few versions per project. Failures are
/// left in the store's tasks, for the solver to meet if it ever needs that data.
/// </summary>
internal sealed class Prefetcher
{
    private const int VersionsPerProject = 3;
    private const int RequiresPythonFallbacks = 3;

    private readonly ReleaseStore _store;
    private readonly IReadOnlyList<TargetEnvironment> _targets;
    private readonly MarkerEnvironmentSet _environments;
    private readonly ConcurrentDictionary<string, byte> _hinted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(PackageName, int), byte> _prefetched = new();
    private readonly ConcurrentDictionary<PackageName, int> _versionsPerProject = new();
    private int _budget;
    private int _pending;

    public Prefetcher(ReleaseStore store, IReadOnlyList<TargetEnvironment> targets, int budget)
    {
        _store = store;
        _targets = targets;
        _environments = new MarkerEnvironmentSet(targets.Select(target => target.Markers));
        _budget = budget;
    }

    /// <summary>How many speculative fetches are still running (for tests that wait for quiet).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <param name="depth">How far from the roots the requirement was found (0: a root, or where a solver is now).</param>
    public void Hint(Requirement requirement, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        if (requirement.Url is null)
        {
            Hint(requirement.NormalizedName, requirement.Specifier, requirement.Extras, depth);
        }
    }

    public void Hint(PackageName name, SpecifierSet specifier, IReadOnlyList<ExtraName> extras, int depth)
    {
        var key = extras.Count == 0
            ? $"{name.Value} {specifier}"
            : $"{name.Value}[{string.Join(',', extras)}] {specifier}";
        if (!_hinted.TryAdd(key, 0))
        {
            return;
        }
        Track(AfterListingAsync(_store.PrefetchProject(name, depth), specifier, extras, depth));
    }

    private async Task AfterListingAsync(Task<ProjectReleases?> listing, SpecifierSet specifier, IReadOnlyList<ExtraName> extras, int depth)
    {
        var project = await listing.ConfigureAwait(false);
        if (project is null)
        {
            return;
        }
        var matching = project.Catalog.Matching(specifier);
        var allowPreReleases = _store.Settings.AllowPreReleases || specifier.Any(PipCandidateRules.NamesPreRelease);
        var pinned = specifier.Any(PipCandidateRules.IsPinned);
        var seen = new HashSet<int>();
        foreach (var target in _targets)
        {
            var releases = _store.ReleasesOn(project, target);
            var applicable = PipCandidateRules.Applicable(releases.Available, matching, specifier.Count > 0, allowPreReleases);
            var order = PipCandidateRules.Order(applicable, releases, pinned, _store.Settings.PreferBinary);
            if (order.Length > 0 && seen.Add(order[0]))
            {
                Track(PrefetchReleaseAsync(project, order, 0, extras, depth));
            }
        }
    }

    private async Task PrefetchReleaseAsync(ProjectReleases project, int[] order, int position, IReadOnlyList<ExtraName> extras, int depth)
    {
        var versionIndex = order[position];
        if (!_prefetched.TryAdd((project.Name, versionIndex), 0)
            || _versionsPerProject.AddOrUpdate(project.Name, 1, (_, count) => count + 1) > VersionsPerProject
            || Interlocked.Decrement(ref _budget) < 0)
        {
            return;
        }
        var metadata = await _store.PrefetchMetadata(project, versionIndex, depth).ConfigureAwait(false);
        var usable = metadata.IsUsable && _targets.Any(target => target.SupportsPython(metadata.RequiresPython));
        if (!usable)
        {
            // The solver will move on to the next version: so do we, a little.
            if (position + 1 < order.Length && position < RequiresPythonFallbacks)
            {
                Track(PrefetchReleaseAsync(project, order, position + 1, extras, depth));
            }
            return;
        }
        foreach (var dependency in metadata.Dependencies)
        {
            if (AppliesSomewhere(dependency.Marker, extras))
            {
                Hint(dependency, depth + 1);
            }
        }
    }

    /// <summary>A marker that cannot be evaluated applies nowhere, as in the solver (<c>CandidateFactory.Applies</c>).</summary>
    private bool AppliesSomewhere(Marker? marker, IReadOnlyList<ExtraName> extras) =>
        marker is null || (marker.TryEvaluateForExtras(_environments, extras, out var mask) && !mask.IsEmpty);

    private void Track(Task task)
    {
        Interlocked.Increment(ref _pending);
        _ = task.ContinueWith(
            static (finished, state) =>
            {
                // Speculative work: a failure here surfaces when the solver asks for the same data.
                _ = finished.Exception;
                Interlocked.Decrement(ref ((Prefetcher)state!)._pending);
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
