using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// Which index listed a file, and for which project: the JSON API to ask about it is that index's.
/// A listing's files are recorded together, under one lock: listings arrive concurrently, and a
/// large one has thousands of files.
/// </summary>
internal sealed class FileOrigins
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (IndexLocation Index, PackageName Project)> _origins = new(StringComparer.Ordinal);

    /// <summary>Records the origin of each file that has none yet.</summary>
    public void AddAll(IReadOnlyList<DistributionFile> files, IndexLocation index, PackageName project)
    {
        lock (_lock)
        {
            _origins.EnsureCapacity(_origins.Count + files.Count);
            foreach (var file in files)
            {
                _origins.TryAdd(file.Url.AbsoluteUri, (index, project));
            }
        }
    }

    public bool TryGet(DistributionFile file, out IndexLocation index, out PackageName project)
    {
        bool found;
        (IndexLocation, PackageName) origin;
        lock (_lock)
        {
            found = _origins.TryGetValue(file.Url.AbsoluteUri, out origin);
        }
        (index, project) = origin;
        return found;
    }
}
