using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Pylock;

/// <summary>
/// Reads PEP 751 <c>pylock.toml</c> files. A <c>lock-version</c> whose major version is not 1 is
/// refused, as the specification requires; the rules a reader can check are checked (a package
/// names one kind of source; VCS entries have a commit; archives, sdists and wheels have hashes
/// and a URL or path). Every problem is a <see cref="LockFileException"/> with a position.
/// </summary>
public static class PylockReader
{
    public static PylockFile Read(ReadOnlySpan<byte> utf8, string sourceName = "pylock.toml") =>
        TomlDocuments.Read(utf8, sourceName, Read, LockFileException.From);

    public static PylockFile Read(string text, string sourceName = "pylock.toml") =>
        TomlDocuments.Read(text, sourceName, Read, LockFileException.From);

    private static PylockFile Read(TomlTable document, string sourceName)
    {
        var lockVersion = document.Get<TomlString>("lock-version");
        var major = lockVersion.Value.Split('.')[0];
        if (major != "1")
        {
            throw new LockFileException(
                $"lock-version {lockVersion.Value} is not supported: req2nix reads pylock.toml lock-version 1.x (PEP 751)", lockVersion.Position);
        }
        var packages = new List<PylockPackage>();
        foreach (var table in document.GetTableArray("packages"))
        {
            packages.Add(ReadPackage(table));
        }
        return new PylockFile
        {
            SourceName = sourceName,
            LockVersion = lockVersion.Value,
            Environments = document.GetOptionalStringArray("environments") ?? [],
            RequiresPython = document.GetOptionalString("requires-python"),
            Extras = document.GetOptionalStringArray("extras") ?? [],
            DependencyGroups = document.GetOptionalStringArray("dependency-groups") ?? [],
            DefaultGroups = document.GetOptionalStringArray("default-groups") ?? [],
            CreatedBy = document.GetOptionalString("created-by"),
            Packages = packages,
        };
    }

    private static PylockPackage ReadPackage(TomlTable table)
    {
        var sources = 0;
        foreach (var key in (ReadOnlySpan<string>)["vcs", "directory", "archive"])
        {
            sources += table.ContainsKey(key) ? 1 : 0;
        }
        var hasIndexFiles = table.ContainsKey("sdist") || table.ContainsKey("wheels");
        if (sources > 1 || (sources == 1 && hasIndexFiles))
        {
            throw table.CreateError("a package may name only one of vcs, directory, archive, or sdist/wheels");
        }
        var marker = table.GetOptional<TomlString>("marker");
        var version = table.GetOptional<TomlString>("version");
        return new PylockPackage
        {
            Name = table.GetString("name"),
            Version = version?.Value,
            VersionValue = version,
            Marker = marker?.Value,
            MarkerValue = marker,
            RequiresPython = table.GetOptionalString("requires-python"),
            Dependencies = (table.GetOptionalTableArray("dependencies") ?? [])
                .Select(d => new PylockDependency(d.GetString("name")) { Version = d.GetOptionalString("version"), Position = d.Position })
                .ToArray(),
            Index = table.GetOptionalString("index"),
            Vcs = table.GetOptionalTable("vcs") is { } vcs ? ReadVcs(vcs) : null,
            Directory = table.GetOptionalTable("directory") is { } directory
                ? new PylockDirectory(directory.GetString("path"))
                {
                    Editable = directory.GetOptionalBoolean("editable") ?? false,
                    Subdirectory = directory.GetOptionalString("subdirectory"),
                }
                : null,
            Archive = table.GetOptionalTable("archive") is { } archive ? ReadArchive(archive) : null,
            Sdist = table.GetOptionalTable("sdist") is { } sdist ? ReadDistribution(sdist) : null,
            Wheels = (table.GetOptionalTableArray("wheels") ?? []).Select(ReadDistribution).ToArray(),
            Position = table.Position,
        };
    }

    private static PylockVcs ReadVcs(TomlTable table)
    {
        var vcs = new PylockVcs(table.GetString("type"), table.GetString("commit-id"))
        {
            Url = table.GetOptionalString("url"),
            Path = table.GetOptionalString("path"),
            RequestedRevision = table.GetOptionalString("requested-revision"),
            Subdirectory = table.GetOptionalString("subdirectory"),
        };
        return vcs.Url is null && vcs.Path is null ? throw table.CreateError("a vcs source needs a url or a path") : vcs;
    }

    private static PylockArchive ReadArchive(TomlTable table)
    {
        var archive = new PylockArchive(ReadHashes(table))
        {
            Url = table.GetOptionalString("url"),
            Path = table.GetOptionalString("path"),
            Size = table.GetOptionalInteger("size"),
            Subdirectory = table.GetOptionalString("subdirectory"),
        };
        return archive.Url is null && archive.Path is null ? throw table.CreateError("an archive needs a url or a path") : archive;
    }

    private static PylockDistribution ReadDistribution(TomlTable table)
    {
        var distribution = new PylockDistribution(ReadHashes(table))
        {
            Name = table.GetOptionalString("name"),
            Url = table.GetOptionalString("url"),
            Path = table.GetOptionalString("path"),
            Size = table.GetOptionalInteger("size"),
            Position = table.Position,
        };
        return distribution.Url is null && distribution.Path is null ? throw table.CreateError("a file needs a url or a path") : distribution;
    }

    private static Dictionary<string, string> ReadHashes(TomlTable table)
    {
        var hashes = table.GetTable("hashes");
        if (hashes.Count == 0)
        {
            throw hashes.CreateError("'hashes' must hold at least one hash");
        }
        var result = new Dictionary<string, string>(hashes.Count, StringComparer.Ordinal);
        foreach (var entry in hashes)
        {
            result[entry.Key.ToLowerInvariant()] = hashes.GetString(entry.Key);
        }
        return result;
    }
}
