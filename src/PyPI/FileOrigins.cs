using System.Collections.Concurrent;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>Which index listed a file, and for which project: the JSON API to ask about it is that index's.</summary>
internal sealed class FileOrigins
{
    private readonly ConcurrentDictionary<string, (IndexLocation Index, PackageName Project)> _origins = new(StringComparer.Ordinal);

    public void Add(DistributionFile file, IndexLocation index, PackageName project) =>
        _origins.TryAdd(file.Url.AbsoluteUri, (index, project));

    public bool TryGet(DistributionFile file, out IndexLocation index, out PackageName project)
    {
        var found = _origins.TryGetValue(file.Url.AbsoluteUri, out var origin);
        (index, project) = origin;
        return found;
    }
}
