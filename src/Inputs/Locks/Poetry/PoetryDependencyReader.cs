using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Reads Poetry dependency tables (<c>name = constraint | { … } | [ … ]</c>), shared by the lock
/// and pyproject readers. Shape errors are <see cref="TomlException"/>s pointing at the value;
/// each reader wraps them in its own exception type.
/// </summary>
internal static class PoetryDependencyReader
{
    public static IReadOnlyList<PoetryDependencyEntry> ReadTable(TomlTable? table)
    {
        if (table is null || table.Count == 0)
        {
            return [];
        }
        var entries = new List<PoetryDependencyEntry>(table.Count);
        foreach (var entry in table)
        {
            entries.Add(ReadEntry(entry));
        }
        return entries;
    }

    private static PoetryDependencyEntry ReadEntry(TomlEntry entry)
    {
        if (entry.Value is TomlArray array)
        {
            var constraints = new List<PoetryDependency>(array.Count);
            foreach (var item in array)
            {
                constraints.Add(ReadConstraint(entry.Key, item));
            }
            return new PoetryDependencyEntry(entry.Key, constraints) { IsList = true, Position = entry.KeyPosition };
        }
        return new PoetryDependencyEntry(entry.Key, [ReadConstraint(entry.Key, entry.Value)]) { Position = entry.KeyPosition };
    }

    private static PoetryDependency ReadConstraint(string name, TomlValue value)
    {
        switch (value)
        {
            case TomlString text:
                return new PoetryDependency { Name = name, Version = text.Value, VersionValue = text, Position = text.Position };
            case TomlTable table:
                return ReadConstraintTable(name, table);
            default:
                throw value.CreateError($"the dependency '{name}' must be a version constraint string, a table or an array of them, not {value.Description}");
        }
    }

    private static PoetryDependency ReadConstraintTable(string name, TomlTable table)
    {
        var others = TomlDocuments.OtherKeys(table, IsKnownKey);
        var version = table.GetOptional<TomlString>("version");
        var markers = table.GetOptional<TomlString>("markers");
        var python = table.GetOptional<TomlString>("python");
        return new PoetryDependency
        {
            Name = name,
            IsTable = true,
            Version = version?.Value,
            VersionValue = version,
            Markers = markers?.Value,
            MarkersValue = markers,
            Python = python?.Value,
            PythonValue = python,
            Platform = table.GetOptionalString("platform"),
            Extras = table.GetOptionalStringArray("extras"),
            Optional = table.GetOptionalBoolean("optional"),
            AllowPrereleases = table.GetOptionalBoolean("allow-prereleases"),
            Source = table.GetOptionalString("source"),
            Develop = table.GetOptionalBoolean("develop"),
            Git = table.GetOptionalString("git"),
            Branch = table.GetOptionalString("branch"),
            Tag = table.GetOptionalString("tag"),
            Rev = table.GetOptionalString("rev"),
            Subdirectory = table.GetOptionalString("subdirectory"),
            Path = table.GetOptionalString("path"),
            File = table.GetOptionalString("file"),
            Url = table.GetOptionalString("url"),
            OtherKeys = others,
            Position = table.Position,
        };
    }

    private static bool IsKnownKey(string key) => key is "version" or "markers" or "python" or "platform" or "extras" or "optional"
        or "allow-prereleases" or "source" or "develop" or "git" or "branch" or "tag" or "rev" or "subdirectory"
        or "path" or "file" or "url";
}
