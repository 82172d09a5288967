using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Uv;

/// <summary>
/// Reads uv.lock files (lock format <c>version = 1</c>, any revision), as uv documents them. Any
/// other format version is refused, as uv refuses it. Every problem is a
/// <see cref="LockFileException"/> with the position of the offending value.
/// </summary>
public static class UvLockReader
{
    public const long SupportedVersion = 1;

    public static UvLock Read(ReadOnlySpan<byte> utf8, string sourceName = "uv.lock") =>
        TomlDocuments.Read(utf8, sourceName, Read, LockFileException.From);

    public static UvLock Read(string text, string sourceName = "uv.lock") =>
        TomlDocuments.Read(text, sourceName, Read, LockFileException.From);

    private static UvLock Read(TomlTable document, string sourceName)
    {
        if (!document.TryGetValue("version", out var versionValue))
        {
            throw new LockFileException("the lock has no 'version', so it is not a uv.lock", new TomlPosition(1, 1, sourceName));
        }
        var version = document.GetInteger("version");
        if (version != SupportedVersion)
        {
            throw new LockFileException(
                $"uv.lock version {version} is not supported: req2nix reads version {SupportedVersion}; regenerate the lock with 'uv lock'",
                versionValue.Position);
        }
        var packages = new List<UvPackage>();
        foreach (var table in document.GetOptionalTableArray("package") ?? [])
        {
            packages.Add(ReadPackage(table));
        }
        return new UvLock
        {
            SourceName = sourceName,
            Version = version,
            Revision = document.GetOptionalInteger("revision"),
            RequiresPython = document.GetOptionalString("requires-python"),
            ResolutionMarkers = document.GetOptionalStringArray("resolution-markers") ?? [],
            Members = document.GetOptionalTable("manifest")?.GetOptionalStringArray("members") ?? [],
            Packages = packages,
        };
    }

    private static UvPackage ReadPackage(TomlTable table)
    {
        var version = table.GetOptional<TomlString>("version");
        var resolutionMarkers = table.GetOptionalArray("resolution-markers")?.AsListOf<TomlString>() ?? [];
        return new UvPackage
        {
            Name = table.GetString("name"),
            Version = version?.Value,
            VersionValue = version,
            Source = ReadSource(table.GetTable("source")),
            ResolutionMarkers = [.. resolutionMarkers.Select(m => m.Value)],
            ResolutionMarkerValues = resolutionMarkers,
            Dependencies = ReadDependencies(table.GetOptionalArray("dependencies"), "dependencies"),
            OptionalDependencies = ReadDependencyTables(table.GetOptionalTable("optional-dependencies")),
            DevDependencies = ReadDependencyTables(table.GetOptionalTable("dev-dependencies")),
            Sdist = table.GetOptionalTable("sdist") is { } sdist ? ReadDistribution(sdist) : null,
            Wheels = (table.GetOptionalTableArray("wheels") ?? []).Select(ReadDistribution).ToArray(),
            Position = table.Position,
        };
    }

    private static UvSource ReadSource(TomlTable table)
    {
        foreach (var kind in (ReadOnlySpan<string>)["registry", "git", "url", "path", "directory", "editable", "virtual"])
        {
            if (table.GetOptionalString(kind) is { } location)
            {
                return new UvSource(kind, location) { Subdirectory = table.GetOptionalString("subdirectory"), Position = table.Position };
            }
        }
        throw table.CreateError("the source names none of registry, git, url, path, directory, editable, virtual");
    }

    private static List<KeyValuePair<string, IReadOnlyList<UvDependency>>> ReadDependencyTables(TomlTable? table)
    {
        var result = new List<KeyValuePair<string, IReadOnlyList<UvDependency>>>();
        foreach (var entry in table ?? Enumerable.Empty<TomlEntry>())
        {
            var array = entry.Value as TomlArray
                ?? throw entry.Value.CreateError($"'{entry.Key}' must be an array of dependency tables, not {entry.Value.Description}");
            result.Add(new(entry.Key, ReadDependencies(array, entry.Key)));
        }
        return result;
    }

    private static UvDependency[] ReadDependencies(TomlArray? array, string key)
    {
        if (array is null)
        {
            return [];
        }
        var dependencies = new UvDependency[array.Count];
        for (var i = 0; i < dependencies.Length; i++)
        {
            var table = array[i] as TomlTable
                ?? throw array[i].CreateError($"each item of '{key}' must be a dependency table, not {array[i].Description}");
            var marker = table.GetOptional<TomlString>("marker");
            dependencies[i] = new UvDependency
            {
                Name = table.GetString("name"),
                Version = table.GetOptionalString("version"),
                Source = table.GetOptionalTable("source") is { } source ? ReadSource(source) : null,
                Marker = marker?.Value,
                MarkerValue = marker,
                Extras = table.GetOptionalStringArray("extra") ?? [],
                Position = table.Position,
            };
        }
        return dependencies;
    }

    private static UvDistribution ReadDistribution(TomlTable table) => new()
    {
        Url = table.GetOptionalString("url"),
        Path = table.GetOptionalString("path"),
        Hash = table.GetOptionalString("hash"),
        Size = table.GetOptionalInteger("size"),
        Position = table.Position,
    };
}
