using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// The project name of a requirement written without one, where it can be known without building
/// anything: a local project's static <c>[project] name</c> in its pyproject.toml, or an sdist's file
/// name (<c>name-version.tar.gz</c>). VCS URLs without <c>#egg=</c> have none.
/// </summary>
internal sealed class ProjectNameFinder
{
    private readonly IRequirementsFileSystem _fileSystem;

    public ProjectNameFinder(IRequirementsFileSystem fileSystem)
    {
        _fileSystem = fileSystem;
    }

    public string Find(RequirementEntry entry)
    {
        string? path = entry.AbsoluteLocalPath;
        if (path is null && entry.Url is { } url && PipLink.TryCreate(url, out var link))
        {
            if (link.IsVcs)
            {
                throw Unnamed(entry, "add #egg=<name> to the URL or write '<name> @ <url>'");
            }
            if (!link.IsFile)
            {
                return FromArchiveName(link.FileName) ?? throw Unnamed(entry, "its file name does not say it; write '<name> @ <url>'");
            }
            path = PosixPath.Normalize(link.Path);
        }
        if (path is null)
        {
            throw Unnamed(entry, "write '<name> @ <url>'");
        }
        if (!_fileSystem.DirectoryExists(path))
        {
            return FromArchiveName(PosixPath.FileName(path)) ?? throw Unnamed(entry, "its file name does not say it");
        }
        return FromPyproject(entry, PosixPath.Join(path, "pyproject.toml"));
    }

    private string FromPyproject(RequirementEntry entry, string pyproject)
    {
        if (!_fileSystem.TryReadAllBytes(pyproject, out var bytes, out _))
        {
            throw Unnamed(entry, "it has no pyproject.toml to read a [project] name from");
        }
        try
        {
            var name = TomlReader.Parse(bytes, pyproject).GetOptionalTable("project")?.GetOptionalString("name");
            if (name is null || !PackageName.IsValid(name))
            {
                throw Unnamed(entry, "its pyproject.toml has no valid static [project] name");
            }
            return name;
        }
        catch (TomlException e)
        {
            throw new RequirementsFileException(entry.Location, $"cannot read the project name: {e.Message}", e);
        }
    }

    /// <summary>The name of an sdist file name, split as packaging's <c>parse_sdist_filename</c> does: at the last <c>-</c>.</summary>
    private static string? FromArchiveName(string fileName)
    {
        var extension = SdistFilename.FindExtension(fileName);
        if (extension is null)
        {
            return null;
        }
        var stem = fileName[..^extension.Length];
        var dash = stem.LastIndexOf('-');
        if (dash <= 0 || !Pep440Version.TryParse(stem.AsSpan(dash + 1), out _) || !PackageName.IsValid(stem.AsSpan(0, dash)))
        {
            return null;
        }
        return stem[..dash];
    }

    private static RequirementsFileException Unnamed(RequirementEntry entry, string how) =>
        new(entry.Location, $"cannot tell the project name of '{entry.Text.Trim()}': {how}");
}
