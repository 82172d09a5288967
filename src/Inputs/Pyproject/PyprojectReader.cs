using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>
/// Reads pyproject.toml: PEP 621 <c>[project]</c>, Poetry's <c>[tool.poetry]</c>, PEP 735
/// <c>[dependency-groups]</c> and PEP 518 <c>[build-system]</c>. Other tables are ignored. Every
/// problem, including a requirement, marker or constraint that does not parse, is a
/// <see cref="PyprojectException"/> with the position of the offending value.
/// </summary>
public static class PyprojectReader
{
    /// <param name="sourceName">How error positions and requirement origins name the file.</param>
    public static PyprojectToml Read(ReadOnlySpan<byte> utf8, string sourceName = "pyproject.toml") =>
        TomlDocuments.Read(utf8, sourceName, Read, PyprojectException.From);

    public static PyprojectToml Read(string text, string sourceName = "pyproject.toml") =>
        TomlDocuments.Read(text, sourceName, Read, PyprojectException.From);

    /// <summary>
    /// Only the <c>[build-system]</c> table (null when absent), the rest of the file unread: what
    /// an sdist's build needs, unaffected by other tables a packager got wrong.
    /// </summary>
    public static BuildSystem? ReadBuildSystem(ReadOnlySpan<byte> utf8, string sourceName = "pyproject.toml") =>
        TomlDocuments.Read(utf8, sourceName, static (document, _) => ReadBuildSystem(document.GetOptionalTable("build-system")), PyprojectException.From);

    private static PyprojectToml Read(TomlTable document, string sourceName) => new()
    {
        SourceName = sourceName,
        Project = ReadProject(document.GetOptionalTable("project")),
        Poetry = ReadPoetry(document.GetOptionalTable("tool")?.GetOptionalTable("poetry")),
        DependencyGroups = ReadDependencyGroups(document.GetOptionalTable("dependency-groups")),
        UvDefaultGroups = document.GetOptionalTable("tool")?.GetOptionalTable("uv") is { } uv ? ReadUvDefaultGroups(uv) : null,
        BuildSystem = ReadBuildSystem(document.GetOptionalTable("build-system")),
    };

    private static ProjectTable? ReadProject(TomlTable? table)
    {
        if (table is null)
        {
            return null;
        }
        var extras = new List<ProjectExtra>();
        if (table.GetOptionalTable("optional-dependencies") is { } optional)
        {
            foreach (var entry in optional)
            {
                var items = entry.Value as TomlArray
                    ?? throw entry.Value.CreateError($"the extra '{entry.Key}' must be an array of requirement strings, not {entry.Value.Description}");
                extras.Add(new ProjectExtra(entry.Key, Requirements(items)) { Position = entry.KeyPosition });
            }
        }
        return new ProjectTable
        {
            Name = table.GetOptionalString("name"),
            Version = table.GetOptionalString("version"),
            RequiresPython = table.GetOptionalString("requires-python"),
            RequiresPythonSpecifiers = table.GetOptional<TomlString>("requires-python") is { } requiresPython ? Specifiers(requiresPython) : null,
            Dependencies = table.GetOptionalArray("dependencies") is { } dependencies ? Requirements(dependencies) : null,
            OptionalDependencies = extras,
            Dynamic = table.GetOptionalStringArray("dynamic") ?? [],
            Position = table.Position,
        };
    }

    private static PoetryTable? ReadPoetry(TomlTable? table)
    {
        if (table is null)
        {
            return null;
        }
        var dependencies = new List<PoetryDependencyEntry>();
        string? python = null;
        TomlString? pythonValue = null;
        foreach (var entry in PoetryDependencyReader.ReadTable(table.GetOptionalTable("dependencies")))
        {
            if (string.Equals(entry.Name, "python", StringComparison.OrdinalIgnoreCase))
            {
                if (entry.IsList || entry.Constraints[0].IsTable)
                {
                    throw new TomlException("'python' must be a version constraint string, such as \"^3.9\"", entry.Position);
                }
                python = entry.Constraints[0].Version;
                pythonValue = entry.Constraints[0].VersionValue;
                continue;
            }
            dependencies.Add(entry);
        }

        var groups = new List<PoetryGroup>();
        if (table.GetOptionalTable("group") is { } groupTables)
        {
            foreach (var entry in groupTables)
            {
                var group = entry.Value as TomlTable
                    ?? throw entry.Value.CreateError($"tool.poetry.group.{entry.Key} must be a table, not {entry.Value.Description}");
                groups.Add(new PoetryGroup(entry.Key, PoetryDependencyReader.ReadTable(group.GetOptionalTable("dependencies")))
                {
                    Optional = group.GetOptionalBoolean("optional") ?? false,
                    IncludeGroups = group.GetOptionalStringArray("include-groups") ?? [],
                    Position = group.Position,
                });
            }
        }
        if (table.GetOptionalTable("dev-dependencies") is { } devDependencies)
        {
            groups.Add(new PoetryGroup("dev", PoetryDependencyReader.ReadTable(devDependencies)) { Position = devDependencies.Position });
        }

        var extras = new List<PoetryExtra>();
        if (table.GetOptionalTable("extras") is { } extrasTable)
        {
            foreach (var entry in extrasTable)
            {
                var names = entry.Value as TomlArray
                    ?? throw entry.Value.CreateError($"the extra '{entry.Key}' must be an array of dependency names, not {entry.Value.Description}");
                extras.Add(new PoetryExtra(entry.Key, names.AsStrings()) { Position = entry.KeyPosition });
            }
        }

        var sources = new List<PoetryIndexSource>();
        foreach (var source in table.GetOptionalTableArray("source") ?? [])
        {
            sources.Add(new PoetryIndexSource(source.GetString("name"), source.GetOptionalString("url"))
            {
                Priority = source.GetOptionalString("priority")
                    ?? (source.GetOptionalBoolean("default") == true ? "default"
                        : source.GetOptionalBoolean("secondary") == true ? "secondary" : "primary"),
                Position = source.Position,
            });
        }

        return new PoetryTable
        {
            Name = table.GetOptionalString("name"),
            Version = table.GetOptionalString("version"),
            Dependencies = dependencies,
            Python = python,
            PythonValue = pythonValue,
            Groups = groups,
            Extras = extras,
            Sources = sources,
            Position = table.Position,
        };
    }

    private static List<DependencyGroup> ReadDependencyGroups(TomlTable? table)
    {
        var groups = new List<DependencyGroup>();
        if (table is null)
        {
            return groups;
        }
        foreach (var entry in table)
        {
            var items = entry.Value as TomlArray
                ?? throw entry.Value.CreateError($"the dependency group '{entry.Key}' must be an array, not {entry.Value.Description}");
            var groupItems = new List<DependencyGroupItem>(items.Count);
            foreach (var item in items)
            {
                groupItems.Add(item switch
                {
                    TomlString text => new DependencyGroupItem { Requirement = Requirement(text), Position = text.Position },
                    TomlTable include when include.Count == 1 && include.ContainsKey("include-group") =>
                        new DependencyGroupItem { IncludeGroup = include.GetString("include-group"), Position = include.Position },
                    _ => throw item.CreateError(
                        $"an item of dependency group '{entry.Key}' must be a requirement string or {{include-group = \"name\"}}, not {item.Description}"),
                });
            }
            // PEP 735: names are compared normalized, so "Test" and "test" would be one group written twice.
            var normalized = PackageName.Normalize(entry.Key);
            if (groups.Find(group => PackageName.Normalize(group.Name) == normalized) is { } earlier)
            {
                throw new TomlException(
                    $"the dependency group '{entry.Key}' has the same normalized name ('{normalized}') as '{earlier.Name}' at {earlier.Position.ToShortString()}",
                    entry.KeyPosition);
            }
            groups.Add(new DependencyGroup(entry.Key, groupItems) { Position = entry.KeyPosition });
        }
        return groups;
    }

    /// <summary><c>[tool.uv] default-groups</c>: a list of names, or <c>"all"</c>.</summary>
    private static IReadOnlyList<string>? ReadUvDefaultGroups(TomlTable uv) =>
        uv.TryGetValue("default-groups", out var value) && value is TomlString { Value: "all" }
            ? ["*"]
            : uv.GetOptionalStringArray("default-groups");

    private static BuildSystem? ReadBuildSystem(TomlTable? table)
    {
        if (table is null)
        {
            return null;
        }
        var requires = table.GetOptionalArray("requires")
            ?? throw table.CreateError("[build-system] must list its 'requires' (PEP 518)");
        return new BuildSystem(Requirements(requires))
        {
            BuildBackend = table.GetOptionalString("build-backend"),
            BackendPath = table.GetOptionalStringArray("backend-path") ?? [],
            Position = table.Position,
        };
    }

    private static ProjectRequirement[] Requirements(TomlArray array)
    {
        var requirements = new ProjectRequirement[array.Count];
        for (var i = 0; i < requirements.Length; i++)
        {
            var text = array[i] as TomlString
                ?? throw array[i].CreateError($"expected a PEP 508 requirement string, not {array[i].Description}");
            requirements[i] = Requirement(text);
        }
        return requirements;
    }

    private static SpecifierSet Specifiers(TomlString text)
    {
        if (SpecifierSet.TryParse(text.Value, out var set, out var error))
        {
            return set;
        }
        throw new TomlException($"invalid requires-python '{text.Value}': {error.Message}", StringPosition.Inside(text, error.Column));
    }

    private static ProjectRequirement Requirement(TomlString text)
    {
        if (Packaging.Pep508.Requirement.TryParse(text.Value, out var requirement, out var error))
        {
            return new ProjectRequirement(requirement, text.Position);
        }
        throw new TomlException($"invalid requirement '{text.Value}': {error.Message}", StringPosition.Inside(text, error.Column));
    }
}
