using Req2Nix.Emit.Packages;
using Req2Nix.Emit.Sources;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit;

/// <summary>
/// The files the emitted builds start from, so that the caller can read what the index does not
/// say about them (an sdist's <c>[build-system]</c>, the import names) before emitting: Emit itself
/// never fetches.
/// </summary>
public static class BuildFiles
{
    /// <summary>
    /// For each package, in resolution order, the file worth reading under <paramref name="policy"/>
    /// (<see cref="ToInspect(ResolvedPackage, SystemSet, PythonTarget, WheelPolicy)"/>); packages
    /// built from a VCS checkout or a path have none.
    /// </summary>
    public static IReadOnlyList<(ResolvedPackage Package, ResolvedFile File)> ToInspect(Resolution resolution, WheelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var packages = new PackageAttributes(resolution);
        var result = new List<(ResolvedPackage, ResolvedFile)>();
        foreach (var package in resolution.Packages)
        {
            if (ToInspect(package, packages.SystemsOf(package), resolution.Target.Python, policy) is { } file)
            {
                result.Add((package, file));
            }
        }
        return result;
    }

    /// <summary>
    /// The one file of <paramref name="package"/> worth reading when it is built on
    /// <paramref name="systems"/> under <paramref name="policy"/>: the sdist when some system builds
    /// from it (its build system and modules), else the first wheel it installs (its modules); null
    /// when it has neither. A caller that guesses a package early (before the resolution is final)
    /// asks here too, so that its guess follows the same rule.
    /// </summary>
    public static ResolvedFile? ToInspect(ResolvedPackage package, SystemSet systems, PythonTarget python, WheelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(python);
        ResolvedFile? wheel = null;
        foreach (var variant in ArtifactChoice.Choose(package, systems, python, policy))
        {
            if (variant.Kind == ArtifactKind.Sdist)
            {
                return variant.Sources[0].File;
            }
            if (variant.Kind == ArtifactKind.Wheel)
            {
                wheel ??= variant.Sources[0].File;
            }
        }
        return wheel;
    }
}
