using System.Text.Json;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Benchmarks.Pep440;

/// <summary>
/// The PEP 440 benchmark corpus, from shared/pypi-mirror/universe/universe.json (real PyPI metadata):
/// every version string of every project, and the specifier of every Requires-Dist line that names a
/// project of the universe, paired with that project's versions. Lines with the same project and
/// specifier are taken once, as a resolver that parses each requirement once sees them (2,975 pairs,
/// 794,549 checks; all 62,347 lines would repeat them for 3.85M checks). Built once, outside timed regions.
/// </summary>
public sealed class Pep440Workload
{
    private Pep440Workload(string[] versionTexts, Dictionary<string, string[]> projectVersions, (string Specifier, string Project)[] requirements)
    {
        VersionTexts = versionTexts;
        ProjectVersions = projectVersions;
        Requirements = requirements;
        Versions = [.. versionTexts.Select(Pep440Version.Parse)];
        var parsedByProject = projectVersions.ToDictionary(p => p.Key, p => p.Value.Select(Pep440Version.Parse).ToArray());
        Checks = [.. requirements.Select(r => (SpecifierSet.Parse(r.Specifier), parsedByProject[r.Project]))];
        CheckCount = Checks.Sum(c => (long)c.Candidates.Length);
    }

    /// <summary>Every version string of the universe, in file order.</summary>
    public string[] VersionTexts { get; }

    /// <summary>Normalized project name → its version strings.</summary>
    public Dictionary<string, string[]> ProjectVersions { get; }

    /// <summary>Distinct (specifier set text, normalized project name) of the Requires-Dist lines, in first-seen order.</summary>
    public (string Specifier, string Project)[] Requirements { get; }

    public Pep440Version[] Versions { get; }

    public (SpecifierSet Set, Pep440Version[] Candidates)[] Checks { get; }

    public long CheckCount { get; }

    public static string DefaultUniversePath()
    {
        var shared = Environment.GetEnvironmentVariable("REQ2NIX_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Req2Nix.sln")))
                {
                    shared = Path.Combine(dir.FullName, "..", "shared");
                    break;
                }
            }
        }
        return Path.GetFullPath(Path.Combine(shared ?? "../shared", "pypi-mirror", "universe", "universe.json"));
    }

    public static Pep440Workload Load(string? universePath = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(universePath ?? DefaultUniversePath()));
        var projects = document.RootElement.GetProperty("projects");
        var versionTexts = new List<string>();
        var projectVersions = new Dictionary<string, string[]>();
        foreach (var project in projects.EnumerateObject())
        {
            var versions = project.Value.GetProperty("versions").EnumerateObject().Select(v => v.Name).ToArray();
            versionTexts.AddRange(versions);
            projectVersions[NormalizeName(project.Name)] = versions;
        }

        var requirements = new List<(string, string)>();
        var seen = new HashSet<(string, string)>();
        foreach (var project in projects.EnumerateObject())
        {
            foreach (var release in project.Value.GetProperty("versions").EnumerateObject())
            {
                foreach (var line in release.Value.EnumerateArray())
                {
                    if (TrySplitRequirement(line.GetString()!, out var name, out var specifier)
                        && projectVersions.ContainsKey(name)
                        && SpecifierSet.TryParse(specifier, out _, out _)
                        && seen.Add((specifier, name)))
                    {
                        requirements.Add((specifier, name));
                    }
                }
            }
        }
        return new Pep440Workload([.. versionTexts], projectVersions, [.. requirements]);
    }

    /// <summary>Writes the workload as JSON, so that other implementations time exactly the same data.</summary>
    public void Export(string path)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartArray("versions");
        foreach (var text in VersionTexts)
        {
            writer.WriteStringValue(text);
        }
        writer.WriteEndArray();
        writer.WriteStartObject("projects");
        foreach (var (name, versions) in ProjectVersions)
        {
            writer.WriteStartArray(name);
            foreach (var text in versions)
            {
                writer.WriteStringValue(text);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteStartArray("requirements");
        foreach (var (specifier, project) in Requirements)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(specifier);
            writer.WriteStringValue(project);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // "name [extras] (specifiers) ; marker" or "name[extras]specifiers; marker" → name, specifiers.
    private static bool TrySplitRequirement(string line, out string name, out string specifier)
    {
        var text = line.AsSpan();
        var semicolon = text.IndexOf(';');
        if (semicolon >= 0)
        {
            text = text[..semicolon];
        }
        text = text.Trim();
        var end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or '_'))
        {
            end++;
        }
        name = NormalizeName(new string(text[..end]));
        var rest = text[end..].TrimStart();
        if (rest.StartsWith("["))
        {
            var close = rest.IndexOf(']');
            rest = close < 0 ? [] : rest[(close + 1)..].TrimStart();
        }
        if (rest.StartsWith("(") && rest.EndsWith(")"))
        {
            rest = rest[1..^1].Trim();
        }
        specifier = new string(rest);
        return end > 0 && specifier.Length > 0 && !specifier.StartsWith('@');
    }

    // PEP 503: lower case, runs of '-', '_', '.' become '-'.
    private static string NormalizeName(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (builder.Length == 0 || builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
