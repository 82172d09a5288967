using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Reads poetry.lock files of every generation Poetry has written (see <see cref="PoetryLock"/>).
/// Lock versions from 1.0 up to, not including, 3.0 are read (Poetry's own range), and the
/// pre-1.0 layout without a <c>lock-version</c>; any other version is refused, as Poetry refuses
/// it. Every problem is a <see cref="LockFileException"/> with the position of the offending value.
/// </summary>
public static class PoetryLockReader
{
    internal static readonly Pep440Version GroupsAndMarkersVersion = Pep440Version.Parse("2.1");
    private static readonly Pep440Version OldestVersion = Pep440Version.Parse("1.0");
    private static readonly Pep440Version FirstUnsupportedVersion = Pep440Version.Parse("3.0.dev0");

    /// <param name="sourceName">How error positions name the file.</param>
    public static PoetryLock Read(ReadOnlySpan<byte> utf8, string sourceName = "poetry.lock") =>
        TomlDocuments.Read(utf8, sourceName, Read, LockFileException.From);

    public static PoetryLock Read(string text, string sourceName = "poetry.lock") =>
        TomlDocuments.Read(text, sourceName, Read, LockFileException.From);

    private static PoetryLock Read(TomlTable document, string sourceName)
    {
        var metadataTable = document.GetOptionalTable("metadata")
            ?? throw new LockFileException(
                "the lock has no [metadata] table, so it was not written by Poetry; regenerate it with 'poetry lock'",
                new TomlPosition(1, 1, sourceName));
        var metadata = ReadMetadata(metadataTable);
        var metadataFiles = ReadMetadataFiles(metadataTable.GetOptionalTable("files"));

        var packageTables = document.GetOptionalTableArray("package") ?? [];
        var sharedNames = metadataFiles is null ? null : NamesUsedMoreThanOnce(packageTables);
        var packages = new List<PoetryPackage>(packageTables.Count);
        foreach (var table in packageTables)
        {
            packages.Add(ReadPackage(table, metadataFiles, sharedNames));
        }
        return new PoetryLock
        {
            SourceName = sourceName,
            Metadata = metadata,
            Packages = packages,
            Extras = ReadExtras(document.GetOptionalTable("extras")),
        };
    }

    private static PoetryLockMetadata ReadMetadata(TomlTable table)
    {
        var lockVersion = table.GetOptional<TomlString>("lock-version");
        Pep440Version? parsed = null;
        if (lockVersion is not null)
        {
            if (!Pep440Version.TryParse(lockVersion.Value, out parsed))
            {
                throw new LockFileException($"lock-version '{lockVersion.Value}' is not a version", lockVersion.Position);
            }
            if (parsed < OldestVersion || parsed >= FirstUnsupportedVersion)
            {
                throw new LockFileException(
                    $"lock-version {lockVersion.Value} is not supported: req2nix reads poetry.lock versions 1.0 to 2.x "
                    + "(and older locks without a lock-version), as Poetry 2 does; regenerate the lock with a Poetry that writes one of them",
                    lockVersion.Position);
            }
        }
        var others = TomlDocuments.OtherKeys(table, static key => key is "lock-version" or "python-versions" or "content-hash" or "files");
        var pythonVersions = table.GetOptional<TomlString>("python-versions");
        return new PoetryLockMetadata
        {
            LockVersion = lockVersion?.Value,
            ParsedLockVersion = parsed,
            PythonVersions = pythonVersions?.Value,
            PythonVersionsValue = pythonVersions,
            ContentHash = table.GetOptionalString("content-hash"),
            HasFilesTable = table.ContainsKey("files"),
            OtherKeys = others,
            Position = table.Position,
        };
    }

    /// <summary>The pre-2.0 <c>[metadata.files]</c>, keyed by normalized package name.</summary>
    private static Dictionary<string, IReadOnlyList<PoetryFile>>? ReadMetadataFiles(TomlTable? table)
    {
        if (table is null)
        {
            return null;
        }
        var files = new Dictionary<string, IReadOnlyList<PoetryFile>>(table.Count, StringComparer.Ordinal);
        foreach (var entry in table)
        {
            if (entry.Value is not TomlArray array)
            {
                throw entry.Value.CreateError($"metadata.files.{entry.Key} must be an array of {{file, hash}} tables, not {entry.Value.Description}");
            }
            // Two spellings of one name (rare) share the first list.
            files.TryAdd(PackageName.Normalize(entry.Key), ReadFiles(array, $"metadata.files.{entry.Key}"));
        }
        return files;
    }

    private static HashSet<string> NamesUsedMoreThanOnce(IReadOnlyList<TomlTable> packages)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            if (package.GetOptionalString("name") is { } name && !seen.Add(PackageName.Normalize(name)))
            {
                repeated.Add(PackageName.Normalize(name));
            }
        }
        return repeated;
    }

    private static PoetryPackage ReadPackage(
        TomlTable table,
        Dictionary<string, IReadOnlyList<PoetryFile>>? metadataFiles,
        HashSet<string>? sharedNames)
    {
        var name = table.GetString("name");
        var version = table.Get<TomlString>("version");
        var pythonVersions = table.GetOptional<TomlString>("python-versions");

        IReadOnlyList<PoetryFile> files = [];
        var filesFrom = PoetryFilesOrigin.None;
        if (table.GetOptionalArray("files") is { } ownFiles)
        {
            files = ReadFiles(ownFiles, "files");
            filesFrom = PoetryFilesOrigin.PackageFiles;
        }
        else if (metadataFiles is not null && metadataFiles.TryGetValue(PackageName.Normalize(name), out var listed))
        {
            files = listed;
            filesFrom = sharedNames!.Contains(PackageName.Normalize(name))
                ? PoetryFilesOrigin.MetadataFilesShared
                : PoetryFilesOrigin.MetadataFiles;
        }

        var others = TomlDocuments.OtherKeys(table, IsPackageKey);
        return new PoetryPackage
        {
            Name = name,
            Version = version.Value,
            VersionValue = version,
            Description = table.GetOptionalString("description"),
            Optional = table.GetOptionalBoolean("optional"),
            Category = table.GetOptionalString("category"),
            Groups = table.GetOptionalStringArray("groups"),
            PythonVersions = pythonVersions?.Value,
            PythonVersionsValue = pythonVersions,
            Markers = ReadPackageMarkers(table),
            Develop = table.GetOptionalBoolean("develop"),
            Dependencies = PoetryDependencyReader.ReadTable(table.GetOptionalTable("dependencies")),
            Extras = ReadExtras(table.GetOptionalTable("extras")),
            Source = ReadSource(table.GetOptionalTable("source")),
            Files = files,
            FilesFrom = filesFrom,
            OtherKeys = others,
            Position = table.Position,
        };
    }

    private static bool IsPackageKey(string key) => key is "name" or "version" or "description" or "optional" or "category"
        or "groups" or "python-versions" or "markers" or "develop" or "dependencies" or "extras" or "source" or "files";

    private static PoetryPackageMarkers? ReadPackageMarkers(TomlTable package)
    {
        if (!package.TryGetValue("markers", out var value))
        {
            return null;
        }
        switch (value)
        {
            case TomlString single:
                return new PoetryPackageMarkers { Marker = single.Value, Values = [single], Position = single.Position };
            case TomlTable perGroup:
                var markers = new List<KeyValuePair<string, string>>(perGroup.Count);
                var values = new List<TomlString>(perGroup.Count);
                foreach (var entry in perGroup)
                {
                    var marker = entry.Value as TomlString
                        ?? throw entry.Value.CreateError($"the marker of group '{entry.Key}' must be a string, not {entry.Value.Description}");
                    markers.Add(new(entry.Key, marker.Value));
                    values.Add(marker);
                }
                return new PoetryPackageMarkers { PerGroup = markers, Values = values, Position = perGroup.Position };
            default:
                throw value.CreateError($"'markers' must be a string or a table of group markers, not {value.Description}");
        }
    }

    private static List<PoetryExtra> ReadExtras(TomlTable? table)
    {
        if (table is null || table.Count == 0)
        {
            return [];
        }
        var extras = new List<PoetryExtra>(table.Count);
        foreach (var entry in table)
        {
            var requirements = entry.Value as TomlArray
                ?? throw entry.Value.CreateError($"the extra '{entry.Key}' must be an array of strings, not {entry.Value.Description}");
            extras.Add(new PoetryExtra(entry.Key, requirements.AsStrings()) { Position = entry.KeyPosition });
        }
        return extras;
    }

    private static PoetrySource? ReadSource(TomlTable? table)
    {
        if (table is null)
        {
            return null;
        }
        var others = TomlDocuments.OtherKeys(table, static key => key is "type" or "url" or "reference" or "resolved_reference" or "subdirectory");
        var type = table.Get<TomlString>("type");
        if (type.Value is not ("legacy" or "git" or "url" or "file" or "directory"))
        {
            // Read as an index package, a source of another kind would be fetched from the wrong place.
            throw type.CreateError($"the source type '{type.Value}' is not one poetry writes (legacy, git, url, file, directory)");
        }
        return new PoetrySource
        {
            Type = type.Value,
            Url = table.GetOptionalString("url") ?? throw table.CreateError($"the '{type.Value}' source has no 'url'"),
            Reference = table.GetOptionalString("reference"),
            ResolvedReference = table.GetOptionalString("resolved_reference"),
            Subdirectory = table.GetOptionalString("subdirectory"),
            OtherKeys = others,
            Position = table.Position,
        };
    }

    private static PoetryFile[] ReadFiles(TomlArray array, string key)
    {
        var files = new PoetryFile[array.Count];
        for (var i = 0; i < files.Length; i++)
        {
            var table = array[i] as TomlTable
                ?? throw array[i].CreateError($"each item of '{key}' must be a {{file, hash}} table, not {array[i].Description}");
            files[i] = new PoetryFile(table.GetString("file"), table.GetString("hash")) { Position = table.Position };
        }
        return files;
    }
}
