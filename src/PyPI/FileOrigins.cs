using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// Which index listed a file, and for which project: the JSON API to ask about it is that index's.
/// A file the client listed carries its <see cref="IndexListing"/> (nothing is recorded per file: a
/// listing has thousands of files, and only a few are ever asked about); a file from elsewhere (a
/// lock file) with the URL of a listed one is found by comparing URLs with the listings recorded.
/// </summary>
internal sealed class FileOrigins
{
    private readonly Lock _lock = new();
    private readonly List<(IReadOnlyList<DistributionFile> Files, IndexListing Listing)> _listings = [];

    /// <summary>Records a listing's files, for the files from elsewhere that have one of their URLs.</summary>
    public void Add(IReadOnlyList<DistributionFile> files, IndexListing listing)
    {
        lock (_lock)
        {
            _listings.Add((files, listing));
        }
    }

    public bool TryGet(DistributionFile file, out IndexLocation index, out PackageName project)
    {
        var listing = file.ListedBy as IndexListing ?? FindByUrl(file.Url);
        (index, project) = listing is null ? (null!, default) : (listing.Index, listing.Project);
        return listing is not null;
    }

    private IndexListing? FindByUrl(Uri url)
    {
        lock (_lock)
        {
            foreach (var (files, listing) in _listings)
            {
                foreach (var listed in files)
                {
                    if (listed.Url == url)
                    {
                        return listing;
                    }
                }
            }
        }
        return null;
    }
}
