using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Assembly;
using Req2Nix.Resolver.Explaining;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Releases;
using Req2Nix.Resolver.Solving;

namespace Req2Nix.Resolver;

/// <summary>
/// Resolves a <see cref="Manifest"/> to exact pins, choosing what pip 23.2 would choose (resolvelib's
/// backtracking with pip's provider), once per target system with that system's markers and wheel
/// tags, over index data fetched once and ahead of time; then merges the systems' results.
/// </summary>
public sealed class DependencyResolver
{
    private readonly IPackageIndex _index;
    private readonly ResolverOptions _options;

    public DependencyResolver(IPackageIndex index, ResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _options = options ?? ResolverOptions.Default;
    }

    /// <exception cref="ResolutionImpossibleException">No versions satisfy the inputs on some system; the message says why.</exception>
    /// <exception cref="ResolutionInputException">An input asks for a source the resolver cannot use (VCS, local path).</exception>
    /// <exception cref="IndexException">The index failed (unreachable, a hash mismatch).</exception>
    public async Task<Resolution> ResolveAsync(Manifest manifest, ResolutionTarget target, CancellationToken cancellationToken = default) =>
        (await ResolveWithStatisticsAsync(manifest, target, cancellationToken).ConfigureAwait(false)).Resolution;

    /// <summary>As <see cref="ResolveAsync"/>, with what the resolution cost.</summary>
    public async Task<(Resolution Resolution, ResolverStatistics Statistics)> ResolveWithStatisticsAsync(
        Manifest manifest,
        ResolutionTarget target,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
        ManifestCheck.Validate(manifest);
        if (target.Systems.IsEmpty)
        {
            throw new ArgumentException("the target names no system", nameof(target));
        }
        var environments = target.Systems.ToDictionary(system => system, system => new TargetEnvironment(system, target.Python));
        using var store = new ReleaseStore(_index, manifest.Index, _options.MaxConcurrentRequests, cancellationToken);
        var prefetcher = _options.Prefetch ? new Prefetcher(store, [.. environments.Values], _options.PrefetchBudget) : null;
        if (prefetcher is not null)
        {
            foreach (var root in manifest.Requirements)
            {
                prefetcher.Hint(root.Requirement);
            }
        }

        var listed = new ListedFiles(manifest, manifest.Index.Formats, environments);
        var solves = await SolverThreads.RunAsync(
                [.. environments.Values],
                environment => SystemSolve.Prepare(manifest, environment, store, prefetcher, NotifierFor(environment, listed)),
                cancellationToken)
            .ConfigureAwait(false);

        var failed = solves.Where(solve => !solve.Outcome!.Succeeded).ToList();
        if (failed.Count > 0)
        {
            throw Impossible(failed, target.Systems);
        }
        var pins = solves.Select(SystemPins.Read).ToArray();
        var resolution = await new ResolutionAssembler(store, listed, target).AssembleAsync(pins).ConfigureAwait(false);
        var (listings, metadata) = store.RequestCounts;
        var (waits, waitTime) = store.SolverWaits;
        var statistics = new ResolverStatistics(
            listings, metadata, solves.Sum(solve => solve.Solver.Rounds), solves.Sum(solve => solve.Solver.Backjumps), waits, waitTime);
        return (resolution, statistics);
    }

    private PinNotifier? NotifierFor(TargetEnvironment environment, ListedFiles listed) =>
        _options.Observer is { } observer ? new PinNotifier(observer, listed, environment.System) : null;

    private static ResolutionImpossibleException Impossible(List<SystemSolve> failed, SystemSet targetSystems)
    {
        var explanations = failed
            .Select(solve => (System: solve.Target.System, Reasons: new ConflictExplainer(solve).Explain()))
            .GroupBy(explanation => string.Join("; ", explanation.Reasons))
            .ToList();
        var failedSystems = SystemSet.Of(failed.Select(solve => solve.Target.System));
        if (explanations.Count == 1)
        {
            return new ResolutionImpossibleException(failedSystems, failedSystems == targetSystems, explanations[0].First().Reasons);
        }
        var reasons = explanations
            .Select(group => $"on {SystemSet.Of(group.Select(explanation => explanation.System))}: {group.Key}")
            .ToList();
        return new ResolutionImpossibleException(failedSystems, onEverySystem: true, reasons);
    }
}
