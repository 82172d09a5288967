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
/// When one of those dependencies offers nothing (its project is on no index, or none of its
/// versions is offered on any target), the version cannot be pinned: the solver will walk down the
/// project's versions one by one when it gets there, so the next ones are fetched now, a few more
/// each time one more turns out unpinnable, until one can be pinned.
/// Bounded: a budget of speculative metadata fetches, a few versions per project (more when walking
/// down). Failures are left in the store's tasks, for the solver to meet if it ever needs that data.
/// </summary>
internal sealed class Prefetcher
{
    private const int VersionsPerProject = 3;
    private const int RequiresPythonFallbacks = 3;
    private const int MaxWalkWindow = 8;
    private const int MaxWalkPosition = 32;

    private readonly ReleaseStore _store;
    private readonly IReadOnlyList<TargetEnvironment> _targets;
    private readonly MarkerEnvironmentSet _environments;
    private readonly ConcurrentDictionary<string, byte> _hinted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ReleaseKey, byte> _prefetched = new();
    private readonly ConcurrentDictionary<PackageName, int> _versionsPerProject = new();
    private readonly ConcurrentDictionary<ReleaseKey, byte> _unpinnable = new();
    private readonly ConcurrentDictionary<PackageName, int> _unpinnablePerProject = new();
    private readonly ConcurrentDictionary<PackageName, int> _newestPinnable = new();
    private int _budget;
    private readonly Lock _quietLock = new();
    private TaskCompletionSource _quiet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    public Prefetcher(ReleaseStore store, IReadOnlyList<TargetEnvironment> targets, int budget)
    {
        _store = store;
        _targets = targets;
        _environments = new MarkerEnvironmentSet(targets.Select(target => target.Markers));
        _budget = budget;
    }

    /// <summary>
    /// Completes when no speculative fetch is running (for tests). A fetch starts the ones it leads
    /// to before it ends, so quiet means everything the hints so far led to is done.
    /// </summary>
    public Task WhenQuiet()
    {
        lock (_quietLock)
        {
            return _pending == 0 ? Task.CompletedTask : _quiet.Task;
        }
    }

    /// <param name="depth">How far from the roots the requirement was found (0: a root, or where a solver is now).</param>
    public void Hint(Requirement requirement, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Hint(requirement, depth, parent: null);
    }

    public void Hint(PackageName name, SpecifierSet specifier, IReadOnlyList<ExtraName> extras, int depth) =>
        Hint(name, specifier, extras, depth, parent: null);

    private void Hint(Requirement requirement, int depth, ReleaseKey? parent)
    {
        if (requirement.Url is null)
        {
            Hint(requirement.NormalizedName, requirement.Specifier, requirement.Extras, depth, parent);
        }
    }

    /// <param name="parent">The version whose dependency this is, when the prefetcher read it (not a root, not the solver).</param>
    private void Hint(PackageName name, SpecifierSet specifier, IReadOnlyList<ExtraName> extras, int depth, ReleaseKey? parent)
    {
        var key = extras.Count == 0
            ? $"{name.Value} {specifier}"
            : $"{name.Value}[{string.Join(',', extras)}] {specifier}";
        if (!_hinted.TryAdd(key, 0))
        {
            return;
        }
        Track(AfterListingAsync(_store.PrefetchProject(name, depth), specifier, new Lookahead(extras, depth, parent)));
    }

    private async Task AfterListingAsync(Task<ProjectReleases?> listing, SpecifierSet specifier, Lookahead lookahead)
    {
        var project = await listing.ConfigureAwait(false);
        if (project is null)
        {
            return;
        }
        var seen = new HashSet<int>();
        foreach (var target in _targets)
        {
            var order = Offered(project, specifier, target);
            if (order.Length > 0 && seen.Add(order[0]))
            {
                Track(PrefetchReleaseAsync(project, order, 0, lookahead, walkingDown: false));
            }
        }
    }

    /// <summary>The versions a solver would try for <paramref name="specifier"/> on <paramref name="target"/>, in its order.</summary>
    private int[] Offered(ProjectReleases project, SpecifierSet specifier, TargetEnvironment target)
    {
        var releases = _store.ReleasesOn(project, target);
        var allowPreReleases = _store.Settings.AllowPreReleases || specifier.Any(PipCandidateRules.NamesPreRelease);
        var applicable = PipCandidateRules.Applicable(releases.Available, project.Catalog.Matching(specifier), specifier.Count > 0, allowPreReleases);
        return PipCandidateRules.Order(applicable, releases, specifier.Any(PipCandidateRules.IsPinned), _store.Settings.PreferBinary);
    }

    /// <param name="walkingDown">Fetched because a newer version cannot be pinned: not counted against <see cref="VersionsPerProject"/>.</param>
    private async Task PrefetchReleaseAsync(ProjectReleases project, int[] order, int position, Lookahead lookahead, bool walkingDown)
    {
        var versionIndex = order[position];
        var release = new ReleaseKey(project.Name, versionIndex);
        if ((walkingDown && !WalkGoesOn(project.Name, versionIndex, lookahead.Parent))
            || !_prefetched.TryAdd(release, 0)
            || (!walkingDown && _versionsPerProject.AddOrUpdate(project.Name, 1, (_, count) => count + 1) > VersionsPerProject)
            || Interlocked.Decrement(ref _budget) < 0)
        {
            return;
        }
        var metadata = await _store.PrefetchMetadata(project, versionIndex, lookahead.Depth).ConfigureAwait(false);
        var usable = metadata.IsUsable && _targets.Any(target => target.SupportsPython(metadata.RequiresPython));
        if (!usable)
        {
            // The solver will move on to the next version: so do we, a little.
            if (position + 1 < order.Length && position < RequiresPythonFallbacks)
            {
                Track(PrefetchReleaseAsync(project, order, position + 1, lookahead, walkingDown));
            }
            return;
        }
        var dependencies = new List<Requirement>();
        foreach (var dependency in metadata.Dependencies)
        {
            if (AppliesSomewhere(dependency.Marker, lookahead.Extras))
            {
                Hint(dependency, lookahead.Depth + 1, release);
                if (dependency.Url is null)
                {
                    dependencies.Add(dependency);
                }
            }
        }
        if (dependencies.Count > 0)
        {
            Track(WalkDownIfUnpinnableAsync(project, order, position, lookahead, dependencies));
        }
    }

    /// <summary>
    /// Waits for the listings of the version's dependencies. If one offers nothing, resolvelib finds no
    /// match for it and rejects the version: the next versions are fetched (two, then four, up to
    /// <see cref="MaxWalkWindow"/> ahead, as more turn out unpinnable). Otherwise the walk stops here.
    /// </summary>
    private async Task WalkDownIfUnpinnableAsync(ProjectReleases project, int[] order, int position, Lookahead lookahead, List<Requirement> dependencies)
    {
        var versionIndex = order[position];
        foreach (var dependency in dependencies)
        {
            var listing = await _store.PrefetchProject(dependency.NormalizedName, lookahead.Depth + 1).ConfigureAwait(false);
            if (OffersNothing(listing, dependency.Specifier))
            {
                _unpinnable.TryAdd(new ReleaseKey(project.Name, versionIndex), 0);
                var window = Math.Min(2 * _unpinnablePerProject.AddOrUpdate(project.Name, 1, (_, count) => count + 1), MaxWalkWindow);
                for (var next = position + 1; next < order.Length && next <= position + window && next <= MaxWalkPosition; next++)
                {
                    Track(PrefetchReleaseAsync(project, order, next, lookahead, walkingDown: true));
                }
                return;
            }
        }
        _newestPinnable.AddOrUpdate(project.Name, versionIndex, (_, newest) => Math.Max(newest, versionIndex));
    }

    /// <summary>
    /// A walk stops at versions older than one that can be pinned (the solver stops there), and when
    /// the version that asked for this project cannot be pinned itself (the solver never gets here).
    /// </summary>
    private bool WalkGoesOn(PackageName project, int versionIndex, ReleaseKey? parent) =>
        !(_newestPinnable.TryGetValue(project, out var pinnable) && versionIndex < pinnable)
        && !(parent is { } asker && _unpinnable.ContainsKey(asker));

    private bool OffersNothing(ProjectReleases? project, SpecifierSet specifier)
    {
        if (project is null)
        {
            return true;
        }
        foreach (var target in _targets)
        {
            if (Offered(project, specifier, target).Length > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A marker that cannot be evaluated applies nowhere, as in the solver (<c>CandidateFactory.Applies</c>).</summary>
    private bool AppliesSomewhere(Marker? marker, IReadOnlyList<ExtraName> extras) =>
        marker is null || (marker.TryEvaluateForExtras(_environments, extras, out var mask) && !mask.IsEmpty);

    /// <summary>A version of a project, by its position in the project's catalog.</summary>
    private readonly record struct ReleaseKey(PackageName Project, int VersionIndex);

    /// <summary>What a prefetch carries down from the requirement that started it.</summary>
    /// <param name="Parent">The version whose dependency the requirement is, when the prefetcher read it.</param>
    private sealed record Lookahead(IReadOnlyList<ExtraName> Extras, int Depth, ReleaseKey? Parent);

    private void Track(Task task)
    {
        lock (_quietLock)
        {
            _pending++;
        }
        _ = task.ContinueWith(
            static (finished, state) =>
            {
                // Speculative work: a failure here surfaces when the solver asks for the same data.
                _ = finished.Exception;
                ((Prefetcher)state!).Finished();
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Finished()
    {
        TaskCompletionSource? quiet = null;
        lock (_quietLock)
        {
            if (--_pending == 0)
            {
                quiet = _quiet;
                _quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        quiet?.SetResult();
    }
}
