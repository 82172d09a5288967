using Req2Nix.Emit.Packages;
using Req2Nix.Emit.Sources;
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
    /// For each package, in resolution order, the file worth reading under <paramref name="policy"/>:
    /// the sdist when some system builds from it (its build system and modules), else the first wheel
    /// it installs (its modules); packages built from a VCS checkout or a path have none.
    /// </summary>
    public static IReadOnlyList<(ResolvedPackage Package, ResolvedFile File)> ToInspect(Resolution resolution, WheelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var packages = new PackageAttributes(resolution);
        var result = new List<(ResolvedPackage, ResolvedFile)>();
        foreach (var package in resolution.Packages)
        {
            var variants = ArtifactChoice.Choose(package, packages.SystemsOf(package), resolution.Target.Python, policy);
            ResolvedFile? wheel = null;
            ResolvedFile? sdist = null;
            foreach (var variant in variants)
            {
                if (variant.Kind == ArtifactKind.Sdist)
                {
                    sdist ??= variant.Sources[0].File;
                }
                else if (variant.Kind == ArtifactKind.Wheel)
                {
                    wheel ??= variant.Sources[0].File;
                }
            }
            if ((sdist ?? wheel) is { } file)
            {
                result.Add((package, file));
            }
        }
        return result;
    }
}
