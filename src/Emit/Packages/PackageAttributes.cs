using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Packages;

/// <summary>
/// A resolution's packages grouped by attribute (PEP 503 name), each version with the systems it
/// is for, checked for what the output relies on: every edge leads to a package of the
/// resolution, and the versions of one name are for disjoint systems.
/// </summary>
internal sealed class PackageAttributes
{
    private readonly Dictionary<PackageName, ResolvedPackage[]> _byName = [];
    private readonly PackageName[] _names;
    private readonly Dictionary<ResolvedPackage, SystemSet> _systems = new(ReferenceEqualityComparer.Instance);

    public PackageAttributes(Resolution resolution)
    {
        Target = resolution.Target;
        var targetSystems = resolution.Target.Systems.IsEmpty ? SystemSet.All : resolution.Target.Systems;
        var groups = GroupByName(resolution.Packages);
        foreach (var group in groups)
        {
            var versions = StableOrder.Sorted(group, static (a, b) => a.Version.CompareTo(b.Version));
            var taken = SystemSet.None;
            foreach (var package in versions)
            {
                var systems = package.Systems.IsEmpty ? targetSystems : package.Systems;
                if (!taken.Intersect(systems).IsEmpty)
                {
                    throw new ArgumentException(
                        $"the resolution has several versions of {package.Name} for {taken.Intersect(systems)}; a name may have several versions only for disjoint systems",
                        nameof(resolution));
                }
                taken = taken.Union(systems);
                _systems[package] = systems;
            }
            _byName[versions[0].Name] = versions;
        }
        _names = SortedNames(groups);
        foreach (var package in resolution.Packages)
        {
            if (MissingDependency(package) is { } missing)
            {
                throw new ArgumentException(
                    $"{package.Name} {package.Version} depends on {missing.Name}, which the resolution does not contain",
                    nameof(resolution));
            }
        }
        foreach (var root in resolution.Roots)
        {
            if (!_byName.ContainsKey(root.Name))
            {
                throw new ArgumentException($"the root {root.Name} is not in the resolution", nameof(resolution));
            }
        }
    }

    public ResolutionTarget Target { get; }

    /// <summary>The names, in order (ordinal on the normalized name).</summary>
    public ReadOnlySpan<PackageName> Names => _names;

    public IReadOnlyList<ResolvedPackage> VersionsOf(PackageName name) => _byName[name];

    /// <summary>The systems an edge holds on; an edge that names none holds wherever its package is built.</summary>
    public static SystemSet SystemsOf(ResolvedDependency dependency) => dependency.Systems.IsEmpty ? SystemSet.All : dependency.Systems;

    /// <summary>The systems a package is for: its own, or the target's when it names none.</summary>
    public SystemSet SystemsOf(ResolvedPackage package) => _systems[package];

    /// <summary>A dependency of <paramref name="package"/> (plain or of an extra) that the resolution lacks, if any.</summary>
    private ResolvedDependency? MissingDependency(ResolvedPackage package)
    {
        foreach (var dependency in package.Dependencies)
        {
            if (!_byName.ContainsKey(dependency.Name))
            {
                return dependency;
            }
        }
        foreach (var (_, members) in package.OptionalDependencies)
        {
            foreach (var member in members)
            {
                if (!_byName.ContainsKey(member.Name))
                {
                    return member;
                }
            }
        }
        return null;
    }

    /// <summary>The packages of each name, in input order; the groups in the order their names first appear.</summary>
    private static List<List<ResolvedPackage>> GroupByName(IReadOnlyList<ResolvedPackage> packages)
    {
        var byName = new Dictionary<PackageName, List<ResolvedPackage>>();
        var groups = new List<List<ResolvedPackage>>();
        foreach (var package in packages)
        {
            if (!byName.TryGetValue(package.Name, out var group))
            {
                byName[package.Name] = group = [];
                groups.Add(group);
            }
            group.Add(package);
        }
        return groups;
    }

    private static PackageName[] SortedNames(List<List<ResolvedPackage>> groups)
    {
        var sorted = new List<List<ResolvedPackage>>(groups);
        sorted.Sort((a, b) => a[0].Name.CompareTo(b[0].Name));
        var names = new PackageName[sorted.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = sorted[i][0].Name;
        }
        return names;
    }

    /// <summary>
    /// What <c>final.{name}.optional-dependencies.{extra}</c> holds on <paramref name="systems"/>,
    /// flattened: its members and, for members asked with extras, theirs, each with the systems it
    /// holds on. Sorted by name.
    /// </summary>
    public IReadOnlyList<(PackageName Name, SystemSet Systems)> ExtraClosure(PackageName name, ExtraName extra, SystemSet systems)
    {
        var found = new SortedDictionary<PackageName, SystemSet>();
        var visited = new HashSet<(PackageName, ExtraName)>();
        Collect(name, extra, systems, found, visited);
        return [.. found.Select(pair => (pair.Key, pair.Value))];
    }

    private void Collect(
        PackageName name,
        ExtraName extra,
        SystemSet systems,
        SortedDictionary<PackageName, SystemSet> found,
        HashSet<(PackageName, ExtraName)> visited)
    {
        if (!visited.Add((name, extra)))
        {
            return;
        }
        foreach (var package in VersionsOf(name))
        {
            var within = SystemsOf(package).Intersect(systems);
            if (within.IsEmpty || !package.OptionalDependencies.TryGetValue(extra, out var members))
            {
                continue;
            }
            foreach (var member in members)
            {
                var memberSystems = SystemsOf(member).Intersect(within);
                if (memberSystems.IsEmpty)
                {
                    continue;
                }
                found[member.Name] = found.GetValueOrDefault(member.Name).Union(memberSystems);
                foreach (var nested in member.Extras)
                {
                    Collect(member.Name, nested, memberSystems, found, visited);
                }
            }
        }
        visited.Remove((name, extra));
    }
}
