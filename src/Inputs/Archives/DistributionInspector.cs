using System.Text;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Text;

namespace Req2Nix.Inputs.Archives;

/// <summary>
/// Reads a distribution file in memory (hostile input: see <see cref="ArchiveLimits"/> and
/// <see cref="ArchivePath"/>) for what Nix needs and the index does not say:
/// <list type="bullet">
/// <item>an sdist's <c>[build-system].requires</c> from its pyproject.toml; a setup.py without a
/// <c>[build-system]</c> table means PEP 518's default, setuptools and wheel;</item>
/// <item>the top-level import names: a wheel's <c>*.dist-info/top_level.txt</c>, else the
/// top-level packages and modules its RECORD (or its file list) installs; an sdist's
/// <c>*.egg-info/top_level.txt</c>, else its package folders (<c>src/</c> layout first) and
/// top-level modules, as setuptools' automatic discovery would find them.</item>
/// </list>
/// Throws <see cref="ArchiveException"/> only for a file that cannot be read as an archive;
/// a missing or unreadable piece inside one is a warning in the result.
/// </summary>
public static class DistributionInspector
{
    private static readonly AsciiSet IdentifierCharacters = new("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static readonly string[] Pep518Default = ["setuptools>=40.8.0", "wheel"];

    /// <summary>Folders and modules at an sdist's top level that setuptools' flat-layout discovery does not install.</summary>
    private static readonly HashSet<string> NotInstalled = new(StringComparer.Ordinal)
    {
        "setup", "conftest", "noxfile", "toxfile", "fabfile", "tasks", "pavement", "dodo", "manage", "conanfile",
        "test", "tests", "unit_test", "unit_tests", "doc", "docs", "documentation", "example", "examples",
        "benchmark", "benchmarks", "exercise", "exercises", "scripts", "tools", "util", "utils", "bin", "ci",
        "build", "dist", "venv", "env", "site_scons", "debian", "news", "changelog", "requirements",
    };

    public static DistributionInspection Inspect(string filename, ReadOnlyMemory<byte> bytes, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var isWheel = filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);
        var listing = ArchiveListing.Read(filename, bytes, limits ?? ArchiveLimits.Default, isWheel ? IsWheelMetadata : IsSdistMetadata);
        var warnings = listing.Warnings;
        if (isWheel)
        {
            return new DistributionInspection(null, WheelModules(listing), warnings);
        }
        var root = CommonRoot(listing.Files);
        var buildRequires = BuildRequires(listing, root, filename, warnings);
        return new DistributionInspection(buildRequires, SdistModules(listing, root), warnings);
    }

    private static bool IsWheelMetadata(string name)
    {
        var slash = name.IndexOf('/');
        return slash > 0 && name.IndexOf('/', slash + 1) < 0
            && name[..slash].EndsWith(".dist-info", StringComparison.Ordinal)
            && name[(slash + 1)..] is "top_level.txt" or "RECORD";
    }

    private static bool IsSdistMetadata(string name)
    {
        var depth = name.Count(c => c == '/');
        return (depth <= 1 && (name == "pyproject.toml" || name.EndsWith("/pyproject.toml", StringComparison.Ordinal)))
            || (depth <= 3 && name.EndsWith(".egg-info/top_level.txt", StringComparison.Ordinal));
    }

    /// <summary>The folder every file of an sdist is under (<c>name-1.0/</c>), or empty when there is none.</summary>
    private static string CommonRoot(List<string> files)
    {
        string? root = null;
        foreach (var file in files)
        {
            var slash = file.IndexOf('/');
            if (slash < 0)
            {
                return string.Empty;
            }
            var first = file[..(slash + 1)];
            if (root is null)
            {
                root = first;
            }
            else if (root != first)
            {
                return string.Empty;
            }
        }
        return root ?? string.Empty;
    }

    private static List<Requirement>? BuildRequires(ArchiveListing listing, string root, string filename, List<string> warnings)
    {
        if (listing.Contents.TryGetValue(root + "pyproject.toml", out var pyproject))
        {
            TomlTable document;
            try
            {
                document = TomlReader.Parse(pyproject, root + "pyproject.toml");
            }
            catch (TomlException e)
            {
                warnings.Add($"{filename}: {e.Message}");
                return null;
            }
            if (document.GetOptional<TomlTable>("build-system") is not { } buildSystem)
            {
                return Parse(Pep518Default, root + "pyproject.toml", warnings);
            }
            if (buildSystem.GetOptional<TomlArray>("requires") is not { } requires)
            {
                warnings.Add($"{filename}: {root}pyproject.toml has a [build-system] table without 'requires'");
                return null;
            }
            var texts = new List<string>();
            foreach (var item in requires)
            {
                if (item is TomlString text)
                {
                    texts.Add(text.Value);
                }
                else
                {
                    warnings.Add($"{item.Position}: build-system.requires holds {item.Description}, not a string; it was left out");
                }
            }
            return Parse(texts, root + "pyproject.toml", warnings);
        }
        if (listing.Files.Contains(root + "setup.py"))
        {
            return Parse(Pep518Default, root + "setup.py", warnings);
        }
        warnings.Add($"{filename}: neither pyproject.toml nor setup.py; the build system is unknown");
        return null;
    }

    private static List<Requirement> Parse(IEnumerable<string> texts, string source, List<string> warnings)
    {
        var requirements = new List<Requirement>();
        foreach (var text in texts)
        {
            if (Requirement.TryParse(text, out var requirement, out var error))
            {
                requirements.Add(requirement);
            }
            else
            {
                warnings.Add($"{source}: build requirement '{text}' is not PEP 508 (column {error.Column}: {error.Message}); it was left out");
            }
        }
        return requirements;
    }

    private static IReadOnlyList<string> WheelModules(ArchiveListing listing)
    {
        var metadata = listing.Contents.Keys.Order(StringComparer.Ordinal).ToArray();
        if (metadata.FirstOrDefault(n => n.EndsWith("/top_level.txt", StringComparison.Ordinal)) is { } topLevel)
        {
            return Lines(listing.Contents[topLevel]);
        }
        IEnumerable<string> paths = listing.Files;
        if (metadata.FirstOrDefault(n => n.EndsWith("/RECORD", StringComparison.Ordinal)) is { } record)
        {
            paths = RecordPaths(listing.Contents[record]);
        }
        var modules = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var segments = path.Split('/');
            var start = 0;
            if (segments[0].EndsWith(".data", StringComparison.Ordinal))
            {
                // name.data/purelib/… and …/platlib/… install at the top level; the other schemes do not.
                if (segments.Length < 3 || segments[1] is not ("purelib" or "platlib"))
                {
                    continue;
                }
                start = 2;
            }
            if (segments[start].EndsWith(".dist-info", StringComparison.Ordinal))
            {
                continue;
            }
            if (ModuleName(segments, start) is { } module)
            {
                modules.Add(module);
            }
        }
        return [.. modules];
    }

    private static IReadOnlyList<string> SdistModules(ArchiveListing listing, string root)
    {
        var eggInfo = listing.Contents.Keys
            .Where(n => n.StartsWith(root, StringComparison.Ordinal) && n.EndsWith(".egg-info/top_level.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (eggInfo is not null)
        {
            return Lines(listing.Contents[eggInfo]);
        }
        var fromSrc = ModulesUnder(listing.Files, root + "src/");
        return fromSrc.Count > 0 ? fromSrc : ModulesUnder(listing.Files, root);
    }

    /// <summary>Packages (folders with an <c>__init__.py</c>) and <c>.py</c> modules directly under <paramref name="folder"/>.</summary>
    private static IReadOnlyList<string> ModulesUnder(List<string> files, string folder)
    {
        var modules = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!file.StartsWith(folder, StringComparison.Ordinal))
            {
                continue;
            }
            var segments = file[folder.Length..].Split('/');
            var name = segments switch
            {
                [var module] when module.EndsWith(".py", StringComparison.Ordinal) => module[..^3],
                [var package, "__init__.py"] => package,
                _ => null,
            };
            if (name is not null && IsIdentifier(name) && !NotInstalled.Contains(name) && !name.StartsWith('_'))
            {
                modules.Add(name);
            }
        }
        return [.. modules];
    }

    /// <summary>The import name a wheel path installs: its top folder, or a top-level module or extension without its suffixes.</summary>
    private static string? ModuleName(string[] segments, int start)
    {
        var first = segments[start];
        if (segments.Length > start + 1)
        {
            return IsIdentifier(first) && first != "__pycache__" ? first : null;
        }
        var dot = first.IndexOf('.');
        if (dot <= 0)
        {
            return null;
        }
        var suffix = first[(dot + 1)..];
        var isModule = suffix == "py"
            || first.EndsWith(".so", StringComparison.Ordinal)
            || first.EndsWith(".pyd", StringComparison.Ordinal);
        return isModule && IsIdentifier(first[..dot]) ? first[..dot] : null;
    }

    /// <summary>The paths of a RECORD (CSV: path, hash, size; a path with a comma is quoted).</summary>
    private static IEnumerable<string> RecordPaths(byte[] record)
    {
        foreach (var line in Encoding.UTF8.GetString(record).Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }
            string path;
            if (text.StartsWith('"'))
            {
                var close = text.IndexOf("\",", 1, StringComparison.Ordinal);
                path = (close < 0 ? text[1..] : text[1..close]).Replace("\"\"", "\"", StringComparison.Ordinal);
            }
            else
            {
                var comma = text.IndexOf(',');
                path = comma < 0 ? text : text[..comma];
            }
            if (ArchivePath.Normalize(path) is { } normalized)
            {
                yield return normalized;
            }
        }
    }

    private static IReadOnlyList<string> Lines(byte[] content)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            var name = line.Trim();
            // A namespace package may be listed as "google/protobuf": its import name is the first part.
            var slash = name.IndexOf('/');
            if (slash > 0)
            {
                name = name[..slash];
            }
            if (IsIdentifier(name))
            {
                names.Add(name);
            }
        }
        return [.. names];
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && !IdentifierCharacters.ContainsAnyExcept(name);
}
