using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Where a locked Poetry package comes from: a <see cref="DirectSource"/> for git, url, file and
/// directory sources, else index files with their sha256 from the lock. PyPI files get PyPI's
/// stable URL (<see cref="PypiFileUrl"/>); files of another index only its project page, since the
/// lock does not record their URLs, and a note says so.
/// </summary>
internal static class PoetryPackageSources
{
    public static DirectSource? DirectSourceOf(PoetryPackage package)
    {
        if (package.Source is not { } source)
        {
            return null;
        }
        var url = source.Url;
        return source.Type switch
        {
            "git" => new VcsSource(VcsKind.Git, UrlCredentials.Strip(url))
            {
                Revision = source.ResolvedReference ?? source.Reference,
                Subdirectory = source.Subdirectory,
            },
            "url" => new ArchiveSource(UrlCredentials.Strip(url))
            {
                Subdirectory = source.Subdirectory,
                Sha256 = ArchiveHash(package, LockedFiles.FilenameOf(url)),
            },
            "file" => new LocalPathSource(url),
            "directory" => new LocalPathSource(url) { Editable = package.Develop == true },
            _ => null, // legacy: an index
        };
    }

    /// <summary>The index files of the package usable on <paramref name="systems"/>, each with its sha256; notes for the ones left out.</summary>
    public static List<ResolvedFile> FilesOf(
        PoetryPackage package, PackageName name, SystemSet systems, PythonTarget python, List<string> notes)
    {
        var files = new List<ResolvedFile>();
        var indexUrl = package.Source is { Type: "legacy" } legacy ? legacy.Url : null;
        var onPypi = PypiFileUrl.IsPypi(indexUrl);
        foreach (var file in package.Files)
        {
            if (!LockedFiles.TryRead(file.File, name, systems, python, out var usable))
            {
                continue;
            }
            if (!Sha256Digest.TryParsePrefixedHex(file.Hash, out var digest))
            {
                notes.Add($"{file.Position}: {name} {package.Version}: the file {file.File} has no sha256 hash in the lock ('{file.Hash}'), so it was left out");
                continue;
            }
            var url = onPypi ? PypiFileUrl.For(usable) : $"{UrlCredentials.Strip(indexUrl!).TrimEnd('/')}/{name}/";
            files.Add(new ResolvedFile(file.File, url, digest));
        }
        if (!onPypi && files.Count > 0)
        {
            notes.Add($"{name} {package.Version} comes from the index {UrlCredentials.Strip(indexUrl!)}: poetry.lock records its files' names and hashes "
                + "but not their URLs, so each file's URL is the index's project page, where the file must be looked up");
        }
        return files;
    }

    private static Sha256Digest? ArchiveHash(PoetryPackage package, string filename)
    {
        foreach (var file in package.Files)
        {
            if ((package.Files.Count == 1 || file.File == filename) && Sha256Digest.TryParsePrefixedHex(file.Hash, out var digest))
            {
                return digest;
            }
        }
        return null;
    }
}
