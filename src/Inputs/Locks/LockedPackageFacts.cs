using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks;

/// <summary>What the uv.lock and pylock.toml conversions read alike from a locked package: its version, its files, its Python.</summary>
internal static class LockedPackageFacts
{
    /// <summary>The version; 0, with a note, for a source tree that has none (a workspace package with a dynamic version).</summary>
    public static Pep440Version Version(string? version, TomlString? value, PackageName name, TomlPosition position, List<string> notes)
    {
        if (version is null)
        {
            notes.Add($"{position}: {name} has no version in the lock (a source tree with a dynamic version); 0 is used");
            return Pep440Version.Parse("0");
        }
        return Pep440Version.TryParse(version, out var parsed)
            ? parsed
            : throw new LockFileException($"'{version}' is not a PEP 440 version", value?.Position ?? position);
    }

    /// <summary>The distributions usable on <paramref name="systems"/> with a URL and a sha256; notes for the ones left out.</summary>
    public static List<ResolvedFile> Files(
        IEnumerable<LockedDistribution> distributions,
        PackageName name,
        string? version,
        TomlPosition position,
        SystemSet systems,
        PythonTarget python,
        List<string> notes)
    {
        var files = new List<ResolvedFile>();
        foreach (var distribution in distributions)
        {
            if (distribution.Filename is not { } filename || !LockedFiles.IsUsable(filename, name, systems, python))
            {
                continue;
            }
            if (distribution.Url is null)
            {
                notes.Add($"{distribution.Position}: {name} {version}: {filename} is a local file ({distribution.Path}), so it was left out");
                continue;
            }
            if (distribution.Sha256 is not { } digest)
            {
                notes.Add($"{distribution.Position}: {name} {version}: {filename} has no sha256 hash in the lock, so it was left out");
                continue;
            }
            files.Add(new ResolvedFile(filename, UrlCredentials.Strip(distribution.Url), digest));
        }
        if (files.Count == 0)
        {
            notes.Add($"{position}: {name} {version} has no file usable on {systems} with a sha256 hash in the lock");
        }
        return files;
    }

    /// <summary>A note when the lock's <c>requires-python</c> leaves out the target's Python.</summary>
    public static void NoteRequiresPython(string? requiresPython, ResolutionTarget target, List<string> notes, string consequence)
    {
        if (requiresPython is not null
            && SpecifierSet.TryParse(requiresPython, out var specifiers, out _)
            && !specifiers.Contains(target.Python.FullVersion, prereleases: true))
        {
            notes.Add($"the lock is for Python {requiresPython}, which does not include the target Python {target.Python.FullVersion}{consequence}");
        }
    }
}
