using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// Which index listed a file, and for which project: the JSON API to ask about it is that index's.
/// The files the client listed are found by reference (a listing has thousands of files, and only a
/// few are ever asked about: no URL string is built or hashed for the others); a file from elsewhere
/// (a lock file) with the URL of a listed one is found by comparing URLs.
/// </summary>
internal sealed class FileOrigins
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DistributionFile, (IndexLocation Index, PackageName Project)> _origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records where the files of one listing come from.</summary>
    public void AddAll(IReadOnlyList<DistributionFile> files, IndexLocation index, PackageName project)
    {
        lock (_lock)
        {
            foreach (var file in files)
            {
                _origins.TryAdd(file, (index, project));
            }
        }
    }

    public bool TryGet(DistributionFile file, out IndexLocation index, out PackageName project)
    {
        lock (_lock)
        {
            if (_origins.TryGetValue(file, out var origin) || TryFindByUrl(file.Url, out origin))
            {
                (index, project) = origin;
                return true;
            }
        }
        (index, project) = (null!, default);
        return false;
    }

    private bool TryFindByUrl(Uri url, out (IndexLocation Index, PackageName Project) origin)
    {
        foreach (var (listed, listedOrigin) in _origins)
        {
            if (listed.Url == url)
            {
                origin = listedOrigin;
                return true;
            }
        }
        origin = default;
        return false;
    }
}
