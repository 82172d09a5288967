namespace Req2Nix.Resolver;

/// <summary>
/// Told what the resolver pins while it runs, so that a caller can start work on a release before
/// the resolution is final (the CLI reads build facts this way). A pin may later be backtracked:
/// only the returned <see cref="Resolution"/> is final.
/// </summary>
/// <remarks>
/// Called on the solver's own thread, inside its loop, and from several solvers at once (one per
/// target system): an implementation must be thread-safe and return at once, handing any real
/// work to something else. An exception it throws ends the resolution: <see cref="DependencyResolver"/>
/// throws a <see cref="ResolutionObserverException"/> that carries it.
/// </remarks>
public interface IResolutionObserver
{
    /// <summary>A solver pinned <paramref name="release"/> for the first time; called once per release and system.</summary>
    void Pinned(PinnedRelease release);
}
