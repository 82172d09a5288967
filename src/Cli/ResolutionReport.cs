using System.Text.Json;
using Req2Nix.Emit;
using Req2Nix.PyPI.Credentials;
using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// The <c>--report</c> JSON: the target, then per package its name, version, systems, the file the
/// Nix build uses (filename, url, sha256), every usable file, its source when direct, and its
/// dependencies with the systems they hold on. Sorted by name; URLs never carry credentials.
/// </summary>
public static class ResolutionReport
{
    public static byte[] Write(Resolution resolution, WheelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var built = new Dictionary<ResolvedPackage, ResolvedFile>(ReferenceEqualityComparer.Instance);
        foreach (var (package, file) in BuildFiles.ToInspect(resolution, policy))
        {
            built[package] = file;
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("python", resolution.Target.Python.ToString());
            WriteSystems(json, "systems", resolution.Target.Systems);
            json.WriteStartArray("packages");
            foreach (var package in resolution.Packages.OrderBy(p => p.Name.ToString(), StringComparer.Ordinal).ThenBy(p => p.Version))
            {
                WritePackage(json, package, built.GetValueOrDefault(package));
            }
            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in resolution.Notes)
            {
                json.WriteStringValue(note);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WritePackage(Utf8JsonWriter json, ResolvedPackage package, ResolvedFile? built)
    {
        json.WriteStartObject();
        json.WriteString("name", package.Name.ToString());
        json.WriteString("version", package.Version.ToString());
        WriteSystems(json, "systems", package.Systems);
        if (built is not null)
        {
            json.WriteString("filename", built.Filename);
            json.WriteString("url", UrlRedactor.Redact(built.Url));
            json.WriteString("sha256", built.Sha256.ToHex());
        }
        if (package.Source is { } source)
        {
            json.WriteString("source", Describe(source));
        }
        json.WriteStartArray("files");
        foreach (var file in package.Files)
        {
            json.WriteStartObject();
            json.WriteString("filename", file.Filename);
            json.WriteString("url", UrlRedactor.Redact(file.Url));
            json.WriteString("sha256", file.Sha256.ToHex());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("dependencies");
        foreach (var dependency in package.Dependencies)
        {
            WriteDependency(json, dependency);
        }
        json.WriteEndArray();
        json.WriteStartObject("optionalDependencies");
        foreach (var (extra, members) in package.OptionalDependencies.OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal))
        {
            json.WriteStartArray(extra.ToString());
            foreach (var member in members)
            {
                WriteDependency(json, member);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Describe(DirectSource source) => source switch
    {
        ArchiveSource archive => UrlRedactor.Redact(archive.Url),
        VcsSource vcs => $"{vcs.Kind.ToString().ToLowerInvariant()}+{UrlRedactor.Redact(vcs.Url)}{(vcs.Revision is { } revision ? "@" + revision : string.Empty)}",
        LocalPathSource local => local.Path,
        _ => source.GetType().Name,
    };

    private static void WriteDependency(Utf8JsonWriter json, ResolvedDependency dependency)
    {
        json.WriteStartObject();
        json.WriteString("name", dependency.Name.ToString());
        if (dependency.Extras.Count > 0)
        {
            json.WriteStartArray("extras");
            foreach (var extra in dependency.Extras)
            {
                json.WriteStringValue(extra.ToString());
            }
            json.WriteEndArray();
        }
        WriteSystems(json, "systems", dependency.Systems);
        json.WriteEndObject();
    }

    private static void WriteSystems(Utf8JsonWriter json, string property, Req2Nix.Packaging.Targets.SystemSet systems)
    {
        json.WriteStartArray(property);
        foreach (var system in systems)
        {
            json.WriteStringValue(system.ToString());
        }
        json.WriteEndArray();
    }
}
