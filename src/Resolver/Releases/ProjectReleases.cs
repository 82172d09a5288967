using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// A project's listing read for resolution: its files grouped by version over a
/// <see cref="VersionCatalog"/>. Files whose name is not a wheel or sdist of this project, or whose
/// version is not PEP 440, are left out (pip skips them too).
/// </summary>
public sealed class ProjectReleases
{
    private readonly ReleaseFile[][] _filesByVersion;

    private ProjectReleases(PackageName name, VersionCatalog catalog, ReleaseFile[][] filesByVersion, int skipped)
    {
        Name = name;
        Catalog = catalog;
        _filesByVersion = filesByVersion;
        SkippedFiles = skipped;
    }

    public PackageName Name { get; }

    public VersionCatalog Catalog { get; }

    /// <summary>How many listed files were left out (unreadable filename, another project, version not PEP 440).</summary>
    public int SkippedFiles { get; }

    public static ProjectReleases From(ProjectListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var files = new List<ReleaseFile>(listing.Files.Count);
        var skipped = 0;
        for (var i = 0; i < listing.Files.Count; i++)
        {
            var file = listing.Files[i];
            if (DistributionFilename.TryParse(file.Filename, listing.Name, out var filename)
                && filename.Name == listing.Name
                && Pep440Version.TryParse(filename.VersionText, out var version))
            {
                files.Add(new ReleaseFile(file, filename, version, i));
            }
            else
            {
                skipped++;
            }
        }
        var catalog = new VersionCatalog(files.Select(file => file.Version));
        var grouped = new List<ReleaseFile>[catalog.Count];
        foreach (var file in files)
        {
            var index = catalog.IndexOf(file.Version);
            (grouped[index] ??= []).Add(file);
        }
        return new ProjectReleases(listing.Name, catalog, [.. grouped.Select(group => group.ToArray())], skipped);
    }

    /// <summary>The files of the version at <paramref name="index"/> in the catalog, in listing order.</summary>
    public IReadOnlyList<ReleaseFile> FilesOf(int index) => _filesByVersion[index];

    /// <summary>
    /// The file whose core metadata stands for the version: the first wheel that serves PEP 658
    /// metadata, else the first wheel, else the first file. One choice for every system, so a
    /// version's dependencies are read once (wheels of one release declare the same ones).
    /// </summary>
    public ReleaseFile MetadataFileOf(int index)
    {
        var files = _filesByVersion[index];
        ReleaseFile? firstWheel = null;
        foreach (var file in files)
        {
            if (file.IsWheel)
            {
                if (file.File.HasCoreMetadata)
                {
                    return file;
                }
                firstWheel ??= file;
            }
        }
        return firstWheel ?? files[0];
    }
}
