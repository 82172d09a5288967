using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// Which of a locked version's files a resolution keeps: the sdist, and the wheels CPython of the
/// target can install on at least one of the systems that need the package (as the resolver does).
/// Files that are neither (eggs, Windows installers, wheels for other platforms) are left out.
/// </summary>
internal static class LockedFiles
{
    private static readonly ConcurrentDictionary<PythonVersion, FrozenDictionary<string, SystemSet>> PlatformSystems = new();
    private static readonly ConcurrentDictionary<PythonVersion, FrozenSet<string>> InterpreterAbis = new();

    public static bool IsUsable(string filename, PackageName project, SystemSet systems, PythonTarget python) =>
        TryRead(filename, project, systems, python, out _);

    /// <summary>Reads the name of a file the resolution keeps; false for any other file.</summary>
    public static bool TryRead(
        string filename, PackageName project, SystemSet systems, PythonTarget python, [NotNullWhen(true)] out DistributionFilename? usable)
    {
        usable = null;
        if (filename.EndsWith(WheelFilename.WheelExtension, StringComparison.OrdinalIgnoreCase))
        {
            // Most wheels of a big lock are for other platforms (Windows, musl, other CPUs) or other
            // Pythons: their tags rule them out before the whole name is parsed.
            if (!HasTagsFor(filename, systems, python.Version) || !WheelFilename.TryParse(filename, out var wheel))
            {
                return false;
            }
            foreach (var system in systems)
            {
                if (CompatibleTags.IsCompatible(wheel, system, python.Version))
                {
                    usable = wheel;
                    return true;
                }
            }
            return false;
        }
        if (SdistFilename.TryParse(filename, project, out var sdist))
        {
            usable = sdist;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the wheel name's last three parts could be compatible: an interpreter-ABI pair the
    /// target Python accepts, and a platform one of the systems accepts (or <c>any</c>).
    /// </summary>
    private static bool HasTagsFor(string filename, SystemSet systems, PythonVersion python)
    {
        var stem = filename.AsSpan(0, filename.Length - WheelFilename.WheelExtension.Length);
        var platformStart = stem.LastIndexOf('-');
        var abiStart = platformStart > 0 ? stem[..platformStart].LastIndexOf('-') : -1;
        var pythonStart = abiStart > 0 ? stem[..abiStart].LastIndexOf('-') : -1;
        if (pythonStart < 0)
        {
            return false;
        }
        return HasPlatformFor(stem[(platformStart + 1)..], systems, python)
            && HasInterpreterAbiFor(stem[(pythonStart + 1)..abiStart], stem[(abiStart + 1)..platformStart], python);
    }

    private static bool HasPlatformFor(ReadOnlySpan<char> platforms, SystemSet systems, PythonVersion python)
    {
        var accepting = PlatformSystemsOf(python).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in platforms.Split('.'))
        {
            var platform = platforms[range];
            if (platform.SequenceEqual("any") || (accepting.TryGetValue(platform, out var on) && !(on & systems).IsEmpty))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasInterpreterAbiFor(ReadOnlySpan<char> interpreters, ReadOnlySpan<char> abis, PythonVersion python)
    {
        var accepted = InterpreterAbisOf(python).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[64];
        foreach (var interpreterRange in interpreters.Split('.'))
        {
            var interpreter = interpreters[interpreterRange];
            foreach (var abiRange in abis.Split('.'))
            {
                var abi = abis[abiRange];
                if (interpreter.Length + 1 + abi.Length > pair.Length)
                {
                    continue;
                }
                interpreter.CopyTo(pair);
                pair[interpreter.Length] = '-';
                abi.CopyTo(pair[(interpreter.Length + 1)..]);
                if (accepted.Contains(pair[..(interpreter.Length + 1 + abi.Length)]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The <c>interpreter-abi</c> pairs CPython <paramref name="python"/> accepts (the same on every system).</summary>
    private static FrozenSet<string> InterpreterAbisOf(PythonVersion python) =>
        InterpreterAbis.GetOrAdd(python, static python =>
            CompatibleTags.For(NixSystem.LinuxX64, python).Tags.Select(tag => $"{tag.Interpreter}-{tag.Abi}").ToFrozenSet(StringComparer.Ordinal));

    /// <summary>For each platform tag some Nix system accepts with this Python, the systems that accept it.</summary>
    private static FrozenDictionary<string, SystemSet> PlatformSystemsOf(PythonVersion python) =>
        PlatformSystems.GetOrAdd(python, static python =>
        {
            var systems = new Dictionary<string, SystemSet>(StringComparer.Ordinal);
            foreach (var system in NixSystem.All)
            {
                foreach (var tag in CompatibleTags.For(system, python).Tags)
                {
                    systems[tag.Platform] = systems.GetValueOrDefault(tag.Platform) | SystemSet.Of(system);
                }
            }
            return systems.ToFrozenDictionary(StringComparer.Ordinal);
        });

    /// <summary>The last path segment of a URL, unescaped: the file's name.</summary>
    public static string FilenameOf(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url : url[..end];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
