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
        var files = new ReleaseFile[listing.Files.Count];
        var versionSlots = new int[listing.Files.Count];
        var count = 0;
        // The files of one release share their version text and mostly their Requires-Python:
        // each distinct text is parsed once.
        // About two files per release: sized so that the tables do not grow while they fill.
        var versionTexts = new Dictionary<string, int>((listing.Files.Count / 2) + 1, StringComparer.Ordinal);
        var versions = new List<Pep440Version>((listing.Files.Count / 2) + 1);
        var requiresPython = new RequiresPythonTexts();
        for (var i = 0; i < listing.Files.Count; i++)
        {
            var file = listing.Files[i];
            if (!DistributionFilename.TryParse(file.Filename, listing.Name, out var filename) || filename.Name != listing.Name)
            {
                continue;
            }
            if (!versionTexts.TryGetValue(filename.VersionText, out var slot))
            {
                slot = Pep440Version.TryParse(filename.VersionText, out var parsed) ? versions.Count : -1;
                if (parsed is not null)
                {
                    versions.Add(parsed);
                }
                versionTexts.Add(filename.VersionText, slot);
            }
            if (slot < 0)
            {
                continue;
            }
            files[count] = new ReleaseFile(file, filename, versions[slot], i, requiresPython.Parse(file.RequiresPython));
            versionSlots[count++] = slot;
        }
        var catalog = new VersionCatalog(versions);
        var catalogIndexOfSlot = new int[versions.Count];
        for (var slot = 0; slot < versions.Count; slot++)
        {
            catalogIndexOfSlot[slot] = catalog.IndexOf(versions[slot]);
        }
        var sizes = new int[catalog.Count];
        for (var i = 0; i < count; i++)
        {
            sizes[catalogIndexOfSlot[versionSlots[i]]]++;
        }
        var grouped = new ReleaseFile[catalog.Count][];
        for (var index = 0; index < grouped.Length; index++)
        {
            grouped[index] = new ReleaseFile[sizes[index]];
            sizes[index] = 0;
        }
        for (var i = 0; i < count; i++)
        {
            var index = catalogIndexOfSlot[versionSlots[i]];
            grouped[index][sizes[index]++] = files[i];
        }
        return new ProjectReleases(listing.Name, catalog, grouped, listing.Files.Count - count);
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
