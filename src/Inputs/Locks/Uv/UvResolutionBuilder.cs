using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Uv;

/// <summary>
/// Turns a <see cref="UvLock"/> into a <see cref="Resolution"/>, without the network. The roots
/// are the dependencies of the workspace's root project (the package whose source is
/// <c>editable = "."</c> or <c>virtual = "."</c>; without one, of every workspace member): its
/// <c>dependencies</c>, the <c>optional-dependencies</c> of the selected extras and the
/// <c>dev-dependencies</c> of the selected groups (by default <c>dev</c>, as <c>uv sync</c>).
/// The workspace packages themselves are left out unless another package depends on them. Each
/// edge goes to the version its <c>version</c>/<c>source</c> name, and holds where its marker does.
/// </summary>
public static class UvResolutionBuilder
{
    public static Resolution ToResolution(UvLock lockFile, ResolutionTarget target, DependencySelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            return Build(lockFile, target, selection ?? DependencySelection.Default);
        }
        catch (TomlException error)
        {
            throw LockFileException.From(error);
        }
    }

    private static Resolution Build(UvLock lockFile, ResolutionTarget target, DependencySelection selection)
    {
        var environments = new TargetEnvironments(target);
        var packages = lockFile.Packages;
        var names = new PackageName[packages.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = PackageName.TryParse(packages[i].Name, out var name)
                ? name
                : throw new LockFileException($"'{packages[i].Name}' is not a valid project name", packages[i].Position);
        }
        var graph = new LockGraph(environments, names);
        var notes = new List<string>();
        var roots = RootMembers(lockFile, names);

        for (var i = 0; i < packages.Count; i++)
        {
            foreach (var dependency in packages[i].Dependencies)
            {
                foreach (var edge in Edges(lockFile, names, dependency, environments))
                {
                    graph.AddDependency(i, edge);
                }
            }
            foreach (var (extraText, dependencies) in packages[i].OptionalDependencies)
            {
                var extra = ExtraNameOf(extraText, packages[i].Position);
                foreach (var dependency in dependencies)
                {
                    foreach (var edge in Edges(lockFile, names, dependency, environments))
                    {
                        graph.AddOptionalDependency(i, extra, edge);
                    }
                }
            }
        }
        foreach (var root in roots)
        {
            AddRootEdges(lockFile, names, root, selection, environments, graph);
        }
        foreach (var extra in selection.Extras)
        {
            graph.SelectRootExtra(extra);
        }
        graph.Walk();

        var resolved = new List<ResolvedPackage>();
        for (var i = 0; i < packages.Count; i++)
        {
            var mask = graph.MaskOf(i);
            if (!mask.IsEmpty)
            {
                resolved.Add(Package(packages[i], names[i], environments.ToSystemSet(mask), graph, i, target.Python, notes));
            }
        }
        LockedPackageFacts.NoteRequiresPython(lockFile.RequiresPython, target, notes, "; its markers assume a Python in that range");
        resolved.Sort(static (a, b) => a.Name != b.Name ? a.Name.CompareTo(b.Name) : a.Version.CompareTo(b.Version));
        return new Resolution(target, resolved) { Roots = graph.Roots(), Notes = notes };
    }

    /// <summary>The workspace root project (source <c>"."</c>), else every workspace member.</summary>
    private static List<int> RootMembers(UvLock lockFile, PackageName[] names)
    {
        var roots = new List<int>();
        for (var i = 0; i < lockFile.Packages.Count; i++)
        {
            if (lockFile.Packages[i].Source is { IsWorkspace: true, Location: "." })
            {
                roots.Add(i);
            }
        }
        if (roots.Count > 0)
        {
            return roots;
        }
        var members = lockFile.Members.Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (members.Contains(names[i].Value) || (members.Count == 0 && lockFile.Packages[i].Source.IsWorkspace))
            {
                roots.Add(i);
            }
        }
        return roots;
    }

    private static void AddRootEdges(
        UvLock lockFile, PackageName[] names, int root, DependencySelection selection, TargetEnvironments environments, LockGraph graph)
    {
        var package = lockFile.Packages[root];
        foreach (var dependency in package.Dependencies)
        {
            foreach (var edge in Edges(lockFile, names, dependency, environments))
            {
                graph.AddRoot(edge);
            }
        }
        foreach (var (extraText, dependencies) in package.OptionalDependencies)
        {
            if (!selection.IncludesExtra(ExtraNameOf(extraText, package.Position)))
            {
                continue;
            }
            foreach (var dependency in dependencies)
            {
                foreach (var edge in Edges(lockFile, names, dependency, environments))
                {
                    graph.AddRoot(edge);
                }
            }
        }
        foreach (var (group, dependencies) in package.DevDependencies)
        {
            if (!selection.IncludesGroup(group, selectedByDefault: PackageName.Normalize(group) == "dev"))
            {
                continue;
            }
            foreach (var dependency in dependencies)
            {
                foreach (var edge in Edges(lockFile, names, dependency, environments))
                {
                    graph.AddRoot(edge);
                }
            }
        }
    }

    /// <summary>Edges to the packages a dependency entry names: by name, narrowed by its version and source when given.</summary>
    private static List<LockEdge> Edges(UvLock lockFile, PackageName[] names, UvDependency dependency, TargetEnvironments environments)
    {
        var marker = dependency.Marker is { } text && text.Length > 0 ? ParseMarker(text, dependency) : null;
        var extras = dependency.Extras.Select(extra => ExtraNameOf(extra, dependency.Position)).Distinct().Order().ToArray();
        var name = PackageName.Normalize(dependency.Name);
        var candidates = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            var package = lockFile.Packages[i];
            if (names[i].Value == name
                && (dependency.Version is null || dependency.Version == package.Version)
                && (dependency.Source is null || (dependency.Source.Kind == package.Source.Kind && dependency.Source.Location == package.Source.Location)))
            {
                candidates.Add(i);
            }
        }
        if (candidates.Count == 0)
        {
            throw new LockFileException(
                $"the dependency on {dependency.Name}{(dependency.Version is null ? string.Empty : " " + dependency.Version)} names no package of the lock",
                dependency.Position);
        }
        var edges = new List<LockEdge>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var restrict = candidates.Count > 1 ? ForkMask(lockFile.Packages[candidate], environments) : null;
            edges.Add(new LockEdge(candidate, marker, extras, dependency.Position) { Restrict = restrict });
        }
        return edges;
    }

    /// <summary>Where a package chosen in some forks applies: where one of its <c>resolution-markers</c> holds.</summary>
    private static EnvironmentMask? ForkMask(UvPackage package, TargetEnvironments environments)
    {
        if (package.ResolutionMarkerValues.Count == 0)
        {
            return null;
        }
        var mask = EnvironmentMask.None;
        foreach (var value in package.ResolutionMarkerValues)
        {
            var marker = Marker.TryParse(value.Value, out var parsed, out var error)
                ? parsed
                : throw new LockFileException($"invalid marker '{value.Value}': {error.Message}", StringPosition.Inside(value, error.Column));
            mask |= environments.Evaluate(marker, null, value.Position);
        }
        return mask;
    }

    private static Marker ParseMarker(string text, UvDependency dependency) =>
        Marker.TryParse(text, out var marker, out var error)
            ? marker
            : throw new LockFileException(
                $"invalid marker '{text}': {error.Message}",
                dependency.MarkerValue is { } value ? StringPosition.Inside(value, error.Column) : dependency.Position);

    private static ExtraName ExtraNameOf(string text, TomlPosition position) =>
        ExtraName.TryParse(text, out var extra) ? extra : throw new LockFileException($"'{text}' is not a valid extra name", position);

    private static ResolvedPackage Package(
        UvPackage package, PackageName name, SystemSet systems, LockGraph graph, int node, PythonTarget python, List<string> notes)
    {
        var version = LockedPackageFacts.Version(package.Version, package.VersionValue, name, package.Position, notes);
        var source = DirectSourceOf(package);
        var files = source is null
            ? LockedPackageFacts.Files(Distributions(package), name, package.Version, package.Position, systems, python, notes)
            : [];
        var optional = new Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>>();
        foreach (var (extra, dependencies) in graph.OptionalDependenciesOf(node))
        {
            optional[extra] = dependencies;
        }
        return new ResolvedPackage(name, version)
        {
            Source = source,
            Files = files,
            Dependencies = graph.DependenciesOf(node),
            OptionalDependencies = optional,
            Systems = systems,
        };
    }

    private static DirectSource? DirectSourceOf(UvPackage package)
    {
        var source = package.Source;
        switch (source.Kind)
        {
            case "registry":
                return null;
            case "git":
                var fragment = source.Location.IndexOf('#');
                var query = source.Location.IndexOf('?');
                var end = query >= 0 ? query : fragment >= 0 ? fragment : source.Location.Length;
                return new VcsSource(VcsKind.Git, UrlCredentials.Strip(source.Location[..end]))
                {
                    Revision = fragment >= 0 ? source.Location[(fragment + 1)..] : QueryValue(source.Location, "rev"),
                    Subdirectory = source.Subdirectory ?? QueryValue(source.Location, "subdirectory"),
                };
            case "url":
                var archive = package.Sdist ?? (package.Wheels.Count > 0 ? package.Wheels[0] : null);
                return new ArchiveSource(UrlCredentials.Strip(source.Location))
                {
                    Subdirectory = source.Subdirectory,
                    Sha256 = archive?.Hash is { } hash && Sha256Digest.TryParsePrefixedHex(hash, out var digest) ? digest : null,
                };
            default:
                return new LocalPathSource(source.Location) { Editable = source.Kind == "editable" };
        }
    }

    private static IEnumerable<LockedDistribution> Distributions(UvPackage package)
    {
        foreach (var distribution in package.Sdist is null ? package.Wheels : [package.Sdist, .. package.Wheels])
        {
            var sha256 = distribution.Hash is { } hash && Sha256Digest.TryParsePrefixedHex(hash, out var digest) ? digest : (Sha256Digest?)null;
            yield return new LockedDistribution(distribution.Filename, distribution.Url, distribution.Path, sha256, distribution.Position);
        }
    }

    private static string? QueryValue(string url, string key)
    {
        var query = url.IndexOf('?');
        if (query < 0)
        {
            return null;
        }
        var fragment = url.IndexOf('#', query);
        foreach (var part in url[(query + 1)..(fragment < 0 ? url.Length : fragment)].Split('&'))
        {
            if (part.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(part[(key.Length + 1)..]);
            }
        }
        return null;
    }
}
