using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// Tells an <see cref="IResolutionObserver"/> what one system's solver pins: each release once,
/// however often backtracking pins it again. Extras and the interpreter are not releases and are
/// not told. One per solver, used only from its loop.
/// </summary>
internal sealed class PinNotifier
{
    private readonly IResolutionObserver _observer;
    private readonly ListedFiles _listed;
    private readonly NixSystem _system;
    private readonly HashSet<Candidate> _told = new(ReferenceEqualityComparer.Instance);

    public PinNotifier(IResolutionObserver observer, ListedFiles listed, NixSystem system)
    {
        _observer = observer;
        _listed = listed;
        _system = system;
    }

    /// <exception cref="ResolutionObserverException">The observer threw.</exception>
    public void Pinned(Candidate candidate)
    {
        if (candidate is not ReleaseCandidate release || !_told.Add(candidate))
        {
            return;
        }
        var pinned = release switch
        {
            DirectCandidate direct => new PinnedRelease(release.Identifier.Name, release.Version, _system, [direct.File]) { Source = direct.Source },
            IndexCandidate indexed => new PinnedRelease(release.Identifier.Name, release.Version, _system, FilesOf(indexed)),
            _ => throw new InvalidOperationException($"internal error: unknown release kind {release.GetType().Name}"),
        };
        try
        {
            _observer.Pinned(pinned);
        }
        catch (Exception exception)
        {
            throw new ResolutionObserverException(pinned, exception);
        }
    }

    private DistributionFile[] FilesOf(IndexCandidate release)
    {
        var listed = _listed.Of(release, SystemSet.Of(_system));
        var files = new DistributionFile[listed.Count];
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = listed[i].File;
        }
        return files;
    }
}
