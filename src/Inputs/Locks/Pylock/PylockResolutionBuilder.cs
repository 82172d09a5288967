using Req2Nix.Inputs.Pyproject;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Pylock;

/// <summary>
/// Turns a <see cref="PylockFile"/> into a <see cref="Resolution"/> as PEP 751 installs it: each
/// package is needed on the systems where its marker holds, evaluated with the selected extras
/// and dependency groups as the marker sets <c>extras</c> and <c>dependency_groups</c> (no group
/// selected: the lock's <c>default-groups</c>). The <c>dependencies</c> entries only become the
/// resolution's edges; the roots are the needed packages no other needed package lists as a
/// dependency (every package, when the lock lists no dependencies).
/// </summary>
public static class PylockResolutionBuilder
{
    public static Resolution ToResolution(PylockFile lockFile, ResolutionTarget target, DependencySelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        ArgumentNullException.ThrowIfNull(target);
        selection ??= DependencySelection.Default;
        var notes = new List<string>();
        var extras = new List<ExtraName>(selection.Extras);
        if (selection.AllExtras)
        {
            foreach (var written in lockFile.Extras)
            {
                if (ExtraName.TryParse(written, out var extra))
                {
                    extras.Add(extra);
                }
            }
        }
        var groups = selection.Groups is { } asked ? [.. asked] : lockFile.DefaultGroups.ToList();
        NoteUnknownSelections(lockFile, selection, notes);
        var environments = new TargetEnvironments(
            target,
            environment => environment
                .WithExtras(extras)
                .WithDependencyGroups(groups));
        NoteEnvironments(lockFile, environments, notes);

        var packages = lockFile.Packages;
        var names = new PackageName[packages.Count];
        var masks = new EnvironmentMask[packages.Count];
        for (var i = 0; i < packages.Count; i++)
        {
            var package = packages[i];
            names[i] = PackageName.TryParse(package.Name, out var name)
                ? name
                : throw new LockFileException($"'{package.Name}' is not a valid project name", package.Position);
            masks[i] = environments.Evaluate(MarkerOf(package), null, package.MarkerValue?.Position ?? package.Position);
        }
        KeepOneEntryPerSystem(names, packages, masks, environments, notes);

        var dependents = new bool[packages.Count];
        var edges = new List<ResolvedDependency>[packages.Count];
        var anyDependencies = false;
        for (var i = 0; i < packages.Count; i++)
        {
            edges[i] = [];
            foreach (var dependency in packages[i].Dependencies)
            {
                anyDependencies = true;
                var name = PackageName.Normalize(dependency.Name);
                var systems = EnvironmentMask.None;
                for (var j = 0; j < packages.Count; j++)
                {
                    if (names[j].Value == name && (dependency.Version is null || dependency.Version == packages[j].Version))
                    {
                        systems |= masks[j] & masks[i];
                        dependents[j] |= !(masks[j] & masks[i]).IsEmpty;
                    }
                }
                if (!systems.IsEmpty && PackageName.TryParse(dependency.Name, out var dependencyName))
                {
                    edges[i].Add(new ResolvedDependency(dependencyName, environments.ToSystemSet(systems)));
                }
            }
        }

        var resolved = new List<ResolvedPackage>();
        var roots = new List<ResolvedDependency>();
        for (var i = 0; i < packages.Count; i++)
        {
            if (masks[i].IsEmpty)
            {
                continue;
            }
            var systems = environments.ToSystemSet(masks[i]);
            resolved.Add(Package(packages[i], names[i], systems, edges[i], target.Python, notes));
            if (!anyDependencies || !dependents[i])
            {
                roots.Add(new ResolvedDependency(names[i], systems));
            }
        }
        LockedPackageFacts.NoteRequiresPython(lockFile.RequiresPython, target, notes, string.Empty);
        resolved.Sort(static (a, b) => a.Name != b.Name ? a.Name.CompareTo(b.Name) : a.Version.CompareTo(b.Version));
        roots.Sort(static (a, b) => a.Name.CompareTo(b.Name));
        return new Resolution(target, resolved) { Roots = roots, Notes = notes };
    }

    private static Marker? MarkerOf(PylockPackage package)
    {
        if (package.Marker is not { Length: > 0 } text)
        {
            return null;
        }
        return Marker.TryParse(text, out var marker, out var error)
            ? marker
            : throw new LockFileException($"invalid marker '{text}': {error.Message}", StringPosition.Inside(package.MarkerValue!, error.Column));
    }

    /// <summary>PEP 751: the entries of a name must narrow to one per environment; where they do not, the first keeps it.</summary>
    private static void KeepOneEntryPerSystem(
        PackageName[] names, IReadOnlyList<PylockPackage> packages, EnvironmentMask[] masks, TargetEnvironments environments, List<string> notes)
    {
        var taken = new Dictionary<PackageName, EnvironmentMask>();
        for (var i = 0; i < names.Length; i++)
        {
            var before = taken.TryGetValue(names[i], out var mask) ? mask : EnvironmentMask.None;
            var overlap = before & masks[i];
            if (!overlap.IsEmpty)
            {
                notes.Add($"{packages[i].Position}: more than one entry for {names[i]} applies on {environments.ToSystemSet(overlap)}; the first is used there");
                masks[i] = new EnvironmentMask(masks[i].Bits & ~before.Bits);
            }
            taken[names[i]] = before | masks[i];
        }
    }

    private static ResolvedPackage Package(
        PylockPackage package, PackageName name, SystemSet systems, List<ResolvedDependency> dependencies, PythonTarget python, List<string> notes)
    {
        var version = LockedPackageFacts.Version(package.Version, package.VersionValue, name, package.Position, notes);
        var source = DirectSourceOf(package);
        var files = source is null
            ? LockedPackageFacts.Files(Distributions(package), name, package.Version, package.Position, systems, python, notes)
            : [];
        if (package.RequiresPython is { } requiresPython
            && SpecifierSet.TryParse(requiresPython, out var specifiers, out _)
            && !specifiers.Contains(python.FullVersion, prereleases: true))
        {
            notes.Add($"{name} {package.Version} requires Python {requiresPython}, which does not include the target Python {python.FullVersion}");
        }
        return new ResolvedPackage(name, version)
        {
            Source = source,
            Files = files,
            Dependencies = dependencies,
            Systems = systems,
            RequiresPython = package.RequiresPython,
        };
    }

    private static DirectSource? DirectSourceOf(PylockPackage package)
    {
        if (package.Vcs is { } vcs)
        {
            if (vcs.Url is null)
            {
                return new LocalPathSource(vcs.Path!);
            }
            var kind = vcs.Type.ToLowerInvariant() switch
            {
                "git" => VcsKind.Git,
                "hg" => VcsKind.Mercurial,
                "svn" => VcsKind.Subversion,
                "bzr" => VcsKind.Bazaar,
                _ => throw new LockFileException($"'{vcs.Type}' is not a VCS req2nix knows (git, hg, svn, bzr)", package.Position),
            };
            return new VcsSource(kind, UrlCredentials.Strip(vcs.Url)) { Revision = vcs.CommitId, Subdirectory = vcs.Subdirectory };
        }
        if (package.Directory is { } directory)
        {
            return new LocalPathSource(directory.Path) { Editable = directory.Editable };
        }
        if (package.Archive is { } archive)
        {
            if (archive.Url is null)
            {
                return new LocalPathSource(archive.Path!);
            }
            return new ArchiveSource(UrlCredentials.Strip(archive.Url))
            {
                Subdirectory = archive.Subdirectory,
                Sha256 = archive.Hashes.TryGetValue("sha256", out var hex) && Sha256Digest.TryParseHex(hex, out var digest) ? digest : null,
            };
        }
        return null;
    }

    private static IEnumerable<LockedDistribution> Distributions(PylockPackage package)
    {
        foreach (var distribution in package.Sdist is null ? package.Wheels : [package.Sdist, .. package.Wheels])
        {
            var sha256 = distribution.Hashes.TryGetValue("sha256", out var hex) && Sha256Digest.TryParseHex(hex, out var digest)
                ? digest
                : (Sha256Digest?)null;
            yield return new LockedDistribution(distribution.Filename, distribution.Url, distribution.Path, sha256, distribution.Position);
        }
    }

    private static void NoteUnknownSelections(PylockFile lockFile, DependencySelection selection, List<string> notes)
    {
        foreach (var extra in selection.Extras)
        {
            if (!lockFile.Extras.Any(e => ExtraName.TryParse(e, out var name) && name == extra))
            {
                notes.Add($"the extra '{extra}' is not among the lock's extras ({string.Join(", ", lockFile.Extras)})");
            }
        }
        foreach (var group in selection.Groups ?? [])
        {
            if (!lockFile.DependencyGroups.Concat(lockFile.DefaultGroups).Any(g => PackageName.Normalize(g) == PackageName.Normalize(group)))
            {
                notes.Add($"the dependency group '{group}' is not among the lock's groups ({string.Join(", ", lockFile.DependencyGroups)})");
            }
        }
    }

    private static void NoteEnvironments(PylockFile lockFile, TargetEnvironments environments, List<string> notes)
    {
        if (lockFile.Environments.Count == 0)
        {
            return;
        }
        var covered = EnvironmentMask.None;
        foreach (var text in lockFile.Environments)
        {
            if (Marker.TryParse(text, out var marker, out _))
            {
                covered |= environments.Evaluate(marker, null, default);
            }
        }
        var uncovered = new EnvironmentMask(environments.All.Bits & ~covered.Bits);
        if (!uncovered.IsEmpty)
        {
            notes.Add($"{lockFile.SourceName} was not made for {environments.ToSystemSet(uncovered)} (its environments: {string.Join("; ", lockFile.Environments)})");
        }
    }
}
