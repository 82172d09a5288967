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
    public static bool IsUsable(string filename, PackageName project, SystemSet systems, PythonTarget python)
    {
        if (filename.EndsWith(WheelFilename.WheelExtension, StringComparison.OrdinalIgnoreCase))
        {
            if (!WheelFilename.TryParse(filename, out var wheel))
            {
                return false;
            }
            foreach (var system in systems)
            {
                if (CompatibleTags.IsCompatible(wheel, system, python.Version))
                {
                    return true;
                }
            }
            return false;
        }
        return SdistFilename.TryParse(filename, project, out _);
    }

    /// <summary>The last path segment of a URL, unescaped: the file's name.</summary>
    public static string FilenameOf(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url : url[..end];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
