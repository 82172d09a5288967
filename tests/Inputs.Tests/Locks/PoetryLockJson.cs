using System.Text.Json.Nodes;
using Req2Nix.Inputs.Locks.Poetry;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>The typed lock model in the JSON shape of the conformance suite's <c>expected.json</c> (see its README).</summary>
internal static class PoetryLockJson
{
    public static JsonObject ToExpectedShape(PoetryLock lockFile)
    {
        var metadata = new JsonObject();
        Add(metadata, "lock-version", lockFile.Metadata.LockVersion);
        Add(metadata, "python-versions", lockFile.Metadata.PythonVersions);
        Add(metadata, "content-hash", lockFile.Metadata.ContentHash);
        foreach (var key in lockFile.Metadata.OtherKeys)
        {
            metadata[key] = "<other key>";
        }
        var packages = new JsonArray();
        foreach (var package in lockFile.Packages)
        {
            packages.Add(Package(package));
        }
        return new JsonObject
        {
            ["valid_toml"] = true,
            ["lock_version"] = lockFile.Metadata.LockVersion,
            ["metadata"] = metadata,
            ["metadata_files_present"] = lockFile.Metadata.HasFilesTable,
            ["packages"] = packages,
        };
    }

    private static JsonObject Package(PoetryPackage package)
    {
        var dependencies = new JsonObject();
        foreach (var entry in package.Dependencies)
        {
            dependencies[entry.Name] = entry.IsList
                ? new JsonArray([.. entry.Constraints.Select(Constraint)])
                : Constraint(entry.Constraints[0]);
        }
        var extras = new JsonObject();
        foreach (var extra in package.Extras)
        {
            extras[extra.Name] = Strings(extra.Requirements);
        }
        var files = new JsonArray();
        foreach (var file in package.Files)
        {
            files.Add(new JsonObject { ["file"] = file.File, ["hash"] = file.Hash });
        }
        return new JsonObject
        {
            ["name"] = package.Name,
            ["version"] = package.Version,
            ["description"] = package.Description,
            ["optional"] = package.Optional,
            ["category"] = package.Category,
            ["groups"] = package.Groups is null ? null : Strings(package.Groups),
            ["python_versions"] = package.PythonVersions,
            ["markers"] = Markers(package.Markers),
            ["develop"] = package.Develop,
            ["dependencies"] = dependencies,
            ["extras"] = extras,
            ["source"] = Source(package.Source),
            ["files"] = files,
            ["files_from"] = package.FilesFrom switch
            {
                PoetryFilesOrigin.PackageFiles => "package.files",
                PoetryFilesOrigin.MetadataFiles => "metadata.files",
                PoetryFilesOrigin.MetadataFilesShared => "metadata.files (shared by several packages)",
                _ => null,
            },
            ["other_keys"] = Strings(package.OtherKeys),
        };
    }

    private static JsonNode? Constraint(PoetryDependency dependency)
    {
        if (!dependency.IsTable)
        {
            return dependency.Version;
        }
        var table = new JsonObject();
        Add(table, "version", dependency.Version);
        Add(table, "markers", dependency.Markers);
        Add(table, "python", dependency.Python);
        Add(table, "platform", dependency.Platform);
        if (dependency.Extras is not null)
        {
            table["extras"] = Strings(dependency.Extras);
        }
        Add(table, "optional", dependency.Optional);
        Add(table, "allow-prereleases", dependency.AllowPrereleases);
        Add(table, "source", dependency.Source);
        Add(table, "develop", dependency.Develop);
        Add(table, "git", dependency.Git);
        Add(table, "branch", dependency.Branch);
        Add(table, "tag", dependency.Tag);
        Add(table, "rev", dependency.Rev);
        Add(table, "subdirectory", dependency.Subdirectory);
        Add(table, "path", dependency.Path);
        Add(table, "file", dependency.File);
        Add(table, "url", dependency.Url);
        foreach (var key in dependency.OtherKeys)
        {
            table[key] = "<other key>";
        }
        return table;
    }

    private static JsonNode? Markers(PoetryPackageMarkers? markers)
    {
        if (markers?.PerGroup is { } perGroup)
        {
            var table = new JsonObject();
            foreach (var (group, marker) in perGroup)
            {
                table[group] = marker;
            }
            return table;
        }
        return markers?.Marker;
    }

    private static JsonObject? Source(PoetrySource? source)
    {
        if (source is null)
        {
            return null;
        }
        var table = new JsonObject { ["type"] = source.Type };
        Add(table, "url", source.Url);
        Add(table, "reference", source.Reference);
        Add(table, "resolved_reference", source.ResolvedReference);
        Add(table, "subdirectory", source.Subdirectory);
        foreach (var key in source.OtherKeys)
        {
            table[key] = "<other key>";
        }
        return table;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static void Add(JsonObject table, string key, string? value)
    {
        if (value is not null)
        {
            table[key] = value;
        }
    }

    private static void Add(JsonObject table, string key, bool? value)
    {
        if (value is not null)
        {
            table[key] = value;
        }
    }
}
