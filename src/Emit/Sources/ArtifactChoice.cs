using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Sources;

/// <summary>
/// Decides, per system, which file of a pinned version a build uses under a <see cref="WheelPolicy"/>,
/// and groups the systems into <see cref="BuildVariant"/>s. Preferences: <c>never</c> takes the sdist,
/// <c>pure</c> a pure wheel, <c>all</c> the wheel pip would install on the system (best tag, then
/// highest build tag); each falls back to the next thing that exists (sdist, pure wheel, platform
/// wheel) so that a version the resolver could choose is always buildable where a file fits.
/// Several sdists: <c>.tar.gz</c> first, then by file name.
/// </summary>
internal static class ArtifactChoice
{
    public static IReadOnlyList<BuildVariant> Choose(ResolvedPackage package, SystemSet systems, PythonTarget python, WheelPolicy policy)
    {
        var files = FilesOf(package);
        if (files.Count == 0 && package.Source is VcsSource or LocalPathSource)
        {
            return [new BuildVariant(package, systems, ArtifactKind.Direct, [])];
        }
        var sdist = BestSdist(files);
        var wheels = ReadWheels(files, package);
        var pure = BestWheel(wheels, python, NixSystem.LinuxX64, pureOnly: true);

        var sdistSystems = SystemSet.None;
        var missing = SystemSet.None;
        var wheelFiles = new Dictionary<ResolvedFile, SystemSet>();
        var platformWheelSystems = SystemSet.None;
        foreach (var system in systems)
        {
            var wheel = policy switch
            {
                WheelPolicy.Never => sdist is null ? pure ?? BestWheel(wheels, python, system, pureOnly: false) : null,
                WheelPolicy.Pure => pure ?? (sdist is null ? BestWheel(wheels, python, system, pureOnly: false) : null),
                _ => BestWheel(wheels, python, system, pureOnly: false),
            };
            if (wheel is not null)
            {
                wheelFiles[wheel.File] = wheelFiles.GetValueOrDefault(wheel.File).Union(SystemSet.Of(system));
                if (!wheel.Name.IsPure)
                {
                    platformWheelSystems = platformWheelSystems.Union(SystemSet.Of(system));
                }
            }
            else if (sdist is not null)
            {
                sdistSystems = sdistSystems.Union(SystemSet.Of(system));
            }
            else
            {
                missing = missing.Union(SystemSet.Of(system));
            }
        }

        var variants = new List<BuildVariant>();
        if (!sdistSystems.IsEmpty)
        {
            variants.Add(new BuildVariant(package, sdistSystems, ArtifactKind.Sdist, [new SystemFile(sdistSystems, sdist!)]));
        }
        if (wheelFiles.Count > 0)
        {
            // Each system has one wheel, so no two groups share a first system: the order is total.
            var groups = new List<SystemFile>(wheelFiles.Count);
            var wheelSystems = SystemSet.None;
            foreach (var (file, fileSystems) in wheelFiles)
            {
                groups.Add(new SystemFile(fileSystems, file));
                wheelSystems = wheelSystems.Union(fileSystems);
            }
            groups.Sort((a, b) => FirstOrdinal(a.Systems).CompareTo(FirstOrdinal(b.Systems)));
            variants.Add(new BuildVariant(package, wheelSystems, ArtifactKind.Wheel, groups) { PlatformWheelSystems = platformWheelSystems });
        }
        if (!missing.IsEmpty)
        {
            variants.Add(new BuildVariant(package, missing, ArtifactKind.Missing, []));
        }
        variants.Sort((a, b) => FirstOrdinal(a.Systems).CompareTo(FirstOrdinal(b.Systems)));
        return variants;
    }

    public static int FirstOrdinal(SystemSet systems)
    {
        foreach (var system in systems)
        {
            return system.Ordinal;
        }
        return int.MaxValue;
    }

    /// <summary>The package's files; for a direct archive URL without a listed file, the archive itself when its sha256 is known.</summary>
    private static IReadOnlyList<ResolvedFile> FilesOf(ResolvedPackage package)
    {
        if (package.Files.Count > 0 || package.Source is not ArchiveSource { Sha256: { } sha256 } archive)
        {
            return package.Files;
        }
        var path = Uri.TryCreate(archive.Url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : archive.Url;
        var filename = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return [new ResolvedFile(filename, archive.Url, sha256)];
    }

    private static ResolvedFile? BestSdist(IReadOnlyList<ResolvedFile> files)
    {
        ResolvedFile? best = null;
        foreach (var file in files)
        {
            if (file.IsWheel || SdistFilename.FindExtension(file.Filename) is null)
            {
                continue;
            }
            if (best is null || CompareSdists(file, best) < 0)
            {
                best = file;
            }
        }
        return best;
    }

    private static int CompareSdists(ResolvedFile a, ResolvedFile b)
    {
        var aGzip = a.Filename.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase);
        var bGzip = b.Filename.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase);
        return aGzip != bGzip ? (aGzip ? -1 : 1) : string.CompareOrdinal(a.Filename, b.Filename);
    }

    private static List<Wheel> ReadWheels(IReadOnlyList<ResolvedFile> files, ResolvedPackage package)
    {
        var wheels = new List<Wheel>();
        foreach (var file in files)
        {
            if (file.IsWheel && WheelFilename.TryParse(file.Filename, out var name) && name.Name == package.Name)
            {
                wheels.Add(new Wheel(file, name));
            }
        }
        return wheels;
    }

    private static Wheel? BestWheel(List<Wheel> wheels, PythonTarget python, NixSystem system, bool pureOnly)
    {
        var tags = CompatibleTags.For(system, python.Version);
        Wheel? best = null;
        var bestRank = int.MaxValue;
        foreach (var wheel in wheels)
        {
            if (pureOnly && !wheel.Name.IsPure)
            {
                continue;
            }
            if (tags.Rank(wheel.Name) is not { } rank)
            {
                continue;
            }
            if (best is null || rank < bestRank || (rank == bestRank && IsPreferredOnTie(wheel, best)))
            {
                best = wheel;
                bestRank = rank;
            }
        }
        return best;
    }

    private static bool IsPreferredOnTie(Wheel candidate, Wheel current)
    {
        var byBuild = Nullable.Compare(candidate.Name.BuildTag, current.Name.BuildTag);
        return byBuild != 0 ? byBuild > 0 : string.CompareOrdinal(candidate.File.Filename, current.File.Filename) < 0;
    }

    private sealed record Wheel(ResolvedFile File, WheelFilename Name);
}
