using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Text;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>One conversion of a poetry.lock to a resolution (see <see cref="PoetryResolutionBuilder"/>).</summary>
internal sealed class PoetryResolution
{
    private static readonly AsciiSet NameEnd = new(" \t([;<>=!~@,");

    private readonly PoetryLock _lock;
    private readonly DependencySelection _selection;
    private readonly PyprojectToml? _project;
    private readonly TargetEnvironments _environments;
    private readonly PackageName[] _names;
    private readonly Pep440Version[] _versions;
    private readonly Dictionary<PackageName, List<int>> _byName = [];
    private readonly List<ExtraName> _rootExtras;
    private readonly LockGraph _graph;
    private readonly List<(int From, LockEdge Edge, PoetryDependency Dependency, IReadOnlyList<ExtraName> ForExtras)> _missing = [];
    private readonly List<VersionChoiceLink> _choiceLinks = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, Marker?> _markers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoetryConstraint> _pythonConstraints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ExtraName>>?[] _extrasByRequirement;

    public PoetryResolution(PoetryLock lockFile, ResolutionTarget target, DependencySelection selection, PyprojectToml? project)
    {
        _lock = lockFile;
        _selection = selection;
        _project = project;
        _environments = new TargetEnvironments(target);
        var packages = lockFile.Packages;
        _names = new PackageName[packages.Count];
        _versions = new Pep440Version[packages.Count];
        for (var i = 0; i < packages.Count; i++)
        {
            var package = packages[i];
            _names[i] = PackageName.TryParse(package.Name, out var name)
                ? name
                : throw new LockFileException($"'{package.Name}' is not a valid project name", package.Position);
            _versions[i] = Pep440Version.TryParse(package.Version, out var version)
                ? version
                : throw new LockFileException($"'{package.Version}' is not a PEP 440 version", package.VersionValue?.Position ?? package.Position);
            if (!_byName.TryGetValue(name, out var sameName))
            {
                _byName[name] = sameName = [];
            }
            sameName.Add(i);
        }
        _extrasByRequirement = new Dictionary<string, List<ExtraName>>?[packages.Count];
        _rootExtras = RootExtras();
        _graph = new LockGraph(_environments, _names);
    }

    public Resolution Build()
    {
        for (var i = 0; i < _lock.Packages.Count; i++)
        {
            AddDependencies(i);
        }
        if (_project is not null)
        {
            AddProjectRoots(_project);
        }
        else
        {
            AddUnrequiredPackagesAsRoots();
        }
        foreach (var extra in _rootExtras)
        {
            _graph.SelectRootExtra(extra);
        }
        _graph.Walk();
        new PoetryVersionChoice(_graph, _byName, _versions, _choiceLinks).Choose();

        var masks = SystemMasks();
        var packages = new List<ResolvedPackage>();
        for (var i = 0; i < _names.Length; i++)
        {
            if (!masks[i].IsEmpty)
            {
                packages.Add(Package(i, masks[i]));
            }
        }
        NoteMissingDependencies();
        NotePythonMismatch(masks);
        packages.Sort(static (a, b) => a.Name != b.Name ? a.Name.CompareTo(b.Name) : a.Version.CompareTo(b.Version));
        return new Resolution(_environments.Target, packages) { Roots = _graph.Roots(), Notes = _notes };
    }

    private List<ExtraName> RootExtras()
    {
        if (!_selection.AllExtras)
        {
            return [.. _selection.Extras];
        }
        var extras = new SortedSet<ExtraName>();
        foreach (var extra in _lock.Extras)
        {
            AddExtra(extras, extra.Name);
        }
        foreach (var extra in _project?.Poetry?.Extras ?? [])
        {
            AddExtra(extras, extra.Name);
        }
        foreach (var extra in _project?.Project?.OptionalDependencies ?? [])
        {
            AddExtra(extras, extra.Name);
        }
        foreach (var package in _lock.Packages)
        {
            foreach (var value in package.Markers?.Values ?? [])
            {
                if (Marker.TryParse(value.Value, out var marker, out _))
                {
                    extras.UnionWith(marker.ReferencedExtras);
                }
            }
        }
        return [.. extras];

        static void AddExtra(SortedSet<ExtraName> extras, string name)
        {
            if (ExtraName.TryParse(name, out var extra))
            {
                extras.Add(extra);
            }
        }
    }

    private void AddDependencies(int from)
    {
        var package = _lock.Packages[from];
        foreach (var entry in package.Dependencies)
        {
            foreach (var dependency in entry.Constraints)
            {
                var marker = MarkerOf(dependency);
                var extras = ExtrasOf(dependency);
                var activatingExtras = dependency.Optional == true ? ExtrasListing(from, entry.Name, marker) : [];
                var candidates = Candidates(
                    entry.Name, () => dependency.Version is null ? null : PoetryDependencyConditions.ConstraintOf(dependency), KindOf(dependency));
                if (candidates.Count == 0)
                {
                    _missing.Add((from, new LockEdge(-1, marker, extras, dependency.Position), dependency, activatingExtras));
                    continue;
                }
                var edges = new List<LockEdge>(candidates.Count);
                foreach (var (target, restrict) in candidates)
                {
                    var edge = new LockEdge(target, marker, extras, dependency.Position) { Restrict = restrict };
                    edges.Add(edge);
                    if (dependency.Optional != true)
                    {
                        _graph.AddDependency(from, edge);
                        continue;
                    }
                    foreach (var extra in activatingExtras)
                    {
                        _graph.AddOptionalDependency(from, extra, edge);
                    }
                }
                AddChoiceLink(from, entry.Name, dependency.Version, dependency.Optional == true ? activatingExtras : null, edges);
            }
        }
    }

    /// <summary>The dependency's marker; the few distinct <c>markers</c> strings of a lock are parsed once each.</summary>
    private Marker? MarkerOf(PoetryDependency dependency)
    {
        if (dependency.Python is not null || dependency.Platform is not null || dependency.Markers is not { } text)
        {
            return PoetryDependencyConditions.MarkerOf(dependency);
        }
        if (!_markers.TryGetValue(text, out var marker))
        {
            marker = PoetryDependencyConditions.MarkerOf(dependency);
            _markers[text] = marker;
        }
        return marker;
    }

    /// <summary>The package's extras that install an optional dependency: those listing its name, and those its marker tests for.</summary>
    private List<ExtraName> ExtrasListing(int package, string dependency, Marker? marker)
    {
        var extras = new SortedSet<ExtraName>();
        if (ExtrasByRequirement(package).TryGetValue(PackageName.Normalize(dependency), out var listing))
        {
            extras.UnionWith(listing);
        }
        if (marker is not null)
        {
            extras.UnionWith(marker.ReferencedExtras);
        }
        return [.. extras];
    }

    /// <summary>A package's <c>[package.extras]</c> turned around: each requirement's normalized name with the extras that list it.</summary>
    private Dictionary<string, List<ExtraName>> ExtrasByRequirement(int package)
    {
        if (_extrasByRequirement[package] is { } known)
        {
            return known;
        }
        var byName = new Dictionary<string, List<ExtraName>>(StringComparer.Ordinal);
        foreach (var extra in _lock.Packages[package].Extras)
        {
            if (!ExtraName.TryParse(extra.Name, out var extraName))
            {
                continue;
            }
            foreach (var requirement in extra.Requirements)
            {
                var name = PackageName.Normalize(RequirementName(requirement));
                if (!byName.TryGetValue(name, out var extras))
                {
                    byName[name] = extras = [];
                }
                extras.Add(extraName);
            }
        }
        return _extrasByRequirement[package] = byName;
    }

    /// <summary>The project name at the start of <c>PySocks (&gt;=1.5.6)</c>, <c>pysocks[x]&gt;=1</c> or <c>name ; marker</c>.</summary>
    private static string RequirementName(string requirement)
    {
        var text = requirement.AsSpan().TrimStart();
        var end = NameEnd.IndexOfAny(text);
        return (end < 0 ? text : text[..end]).ToString();
    }

    private static IReadOnlyList<ExtraName> ExtrasOf(PoetryDependency dependency)
    {
        if (dependency.Extras is not { Count: > 0 } written)
        {
            return [];
        }
        var extras = new SortedSet<ExtraName>();
        foreach (var extra in written)
        {
            extras.Add(ExtraName.TryParse(extra, out var name)
                ? name
                : throw new LockFileException($"'{extra}' is not a valid extra name", dependency.Position));
        }
        return [.. extras];
    }

    private enum SourceKind
    {
        Index,
        Git,
        Url,
        Path,
    }

    private static SourceKind KindOf(PoetryDependency dependency) =>
        dependency.Git is not null ? SourceKind.Git
        : dependency.Url is not null ? SourceKind.Url
        : dependency.Path is not null || dependency.File is not null ? SourceKind.Path
        : SourceKind.Index;

    private static SourceKind KindOf(DirectSource? source) => source switch
    {
        VcsSource => SourceKind.Git,
        ArchiveSource => SourceKind.Url,
        LocalPathSource => SourceKind.Path,
        _ => SourceKind.Index,
    };

    private static SourceKind KindOf(PoetryPackage package) => package.Source?.Type switch
    {
        "git" => SourceKind.Git,
        "url" => SourceKind.Url,
        "file" or "directory" => SourceKind.Path,
        _ => SourceKind.Index,
    };

    /// <summary>Records a dependency on a name the lock holds several versions of, for <see cref="PoetryVersionChoice"/>.</summary>
    private void AddChoiceLink(int from, string name, string? constraint, IReadOnlyList<ExtraName>? onlyForExtras, List<LockEdge> edges)
    {
        if (PackageName.TryParse(name, out var packageName) && _byName.TryGetValue(packageName, out var versions) && versions.Count > 1)
        {
            var parsed = constraint is null ? null : PoetryConstraint.TryParse(constraint, out var c) ? c : null;
            _choiceLinks.Add(new VersionChoiceLink(from, packageName, parsed, edges) { OnlyForExtras = onlyForExtras });
        }
    }

    /// <summary>The locked packages a dependency can lead to, narrowed by source kind and constraint, with the systems each is for.</summary>
    private List<(int Node, EnvironmentMask? Restrict)> Candidates(string name, Func<PoetryConstraint?> constraintOf, SourceKind kind)
    {
        if (!PackageName.TryParse(name, out var packageName) || !_byName.TryGetValue(packageName, out var all))
        {
            return [];
        }
        if (all.Count == 1)
        {
            return [(all[0], null)];
        }
        var candidates = Narrow(all, i => KindOf(_lock.Packages[i]) == kind);
        if (constraintOf() is { } constraint)
        {
            candidates = Narrow(candidates, i => constraint.Contains(_versions[i]));
        }
        if (candidates.Count == 1)
        {
            return [(candidates[0], null)];
        }
        return candidates.ConvertAll(i => (i, PackageMarkerMask(i)));
    }

    /// <summary>The items that pass, or all of them when none does (a stale or hand-edited lock still converts).</summary>
    private static List<int> Narrow(List<int> items, Func<int, bool> passes)
    {
        var passing = items.FindAll(i => passes(i));
        return passing.Count > 0 ? passing : items;
    }

    /// <summary>Lock 2.1: where the package's markers say one of its selected groups needs it; null when it has no markers.</summary>
    private EnvironmentMask? PackageMarkerMask(int node)
    {
        var package = _lock.Packages[node];
        if (package.Markers is not { } markers)
        {
            return null;
        }
        if (markers.Marker is not null)
        {
            return EvaluateWithRootExtras(markers.Values[0]);
        }
        var mask = EnvironmentMask.None;
        foreach (var group in package.Groups ?? [])
        {
            if (!_selection.IncludesGroup(group, selectedByDefault: true))
            {
                continue;
            }
            var index = IndexOfGroup(markers.PerGroup!, group);
            mask |= index < 0 ? _environments.All : EvaluateWithRootExtras(markers.Values[index]);
        }
        return mask;
    }

    private static int IndexOfGroup(IReadOnlyList<KeyValuePair<string, string>> perGroup, string group)
    {
        for (var i = 0; i < perGroup.Count; i++)
        {
            if (PackageName.Normalize(perGroup[i].Key) == PackageName.Normalize(group))
            {
                return i;
            }
        }
        return -1;
    }

    private EnvironmentMask EvaluateWithRootExtras(TomlString value)
    {
        var marker = PoetryDependencyConditions.ParseMarker(value.Value, value, value.Position);
        var mask = _environments.Evaluate(marker, null, value.Position);
        if (marker.MentionsExtra)
        {
            foreach (var extra in _rootExtras)
            {
                mask |= _environments.Evaluate(marker, extra, value.Position);
            }
        }
        return mask;
    }

    private void AddProjectRoots(PyprojectToml project)
    {
        foreach (var dependency in project.Dependencies(_selection))
        {
            var candidates = Candidates(dependency.Name.Value, () => dependency.Constraint, KindOf(dependency.Source));
            if (candidates.Count == 0)
            {
                var mask = _environments.Evaluate(dependency.Marker, null, dependency.Position);
                if (!mask.IsEmpty)
                {
                    _notes.Add($"{dependency.Position}: {dependency.Name} is not in {_lock.SourceName}, so it was left out; "
                        + "the lock may be out of date ('poetry lock' updates it)");
                }
                continue;
            }
            var edges = new List<LockEdge>(candidates.Count);
            foreach (var (target, restrict) in candidates)
            {
                var edge = new LockEdge(target, dependency.Marker, dependency.Extras, dependency.Position) { Restrict = restrict };
                edges.Add(edge);
                _graph.AddRoot(edge);
            }
            AddChoiceLink(VersionChoiceLink.FromProject, dependency.Name.Value, dependency.Constraint.IsAny ? null : dependency.Constraint.Text, null, edges);
        }
    }

    private void AddUnrequiredPackagesAsRoots()
    {
        var required = new bool[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            foreach (var target in _graph.Targets(i))
            {
                if (target != i)
                {
                    required[target] = true;
                }
            }
        }
        var reached = new bool[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            if (!required[i] && IsSelected(i))
            {
                AddPackageRoot(i, reached);
            }
        }
        // Packages that only depend on each other: the first of each such group becomes a root too.
        for (var i = 0; i < _names.Length; i++)
        {
            if (!reached[i] && IsSelected(i))
            {
                AddPackageRoot(i, reached);
            }
        }
        _notes.Add($"no pyproject.toml was given: the roots are the packages of {_lock.SourceName} that no other package depends on");
    }

    private void AddPackageRoot(int node, bool[] reached)
    {
        _graph.AddRoot(new LockEdge(node, null, [], _lock.Packages[node].Position) { Restrict = PackageMarkerMask(node) });
        var pending = new Stack<int>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            if (reached[current])
            {
                continue;
            }
            reached[current] = true;
            foreach (var target in _graph.Targets(current))
            {
                pending.Push(target);
            }
        }
    }

    /// <summary>Whether the selection asks for a package by its groups (or category), and, for an optional one, by its extras.</summary>
    private bool IsSelected(int node)
    {
        var package = _lock.Packages[node];
        var groups = package.Groups ?? (package.Category is { } category ? [category] : ["main"]);
        if (!groups.Any(group => _selection.IncludesGroup(group, selectedByDefault: true)))
        {
            return false;
        }
        if (package.Optional != true || _selection.AllExtras || package.Markers is not null)
        {
            return true;
        }
        return _lock.Extras.Any(extra =>
            ExtraName.TryParse(extra.Name, out var name)
            && _rootExtras.Contains(name)
            && extra.Requirements.Any(requirement => PackageName.Normalize(RequirementName(requirement)) == _names[node].Value));
    }

    /// <summary>Each package's systems; where two versions of a name meet on a system, the first in the lock keeps it.</summary>
    private EnvironmentMask[] SystemMasks()
    {
        var masks = new EnvironmentMask[_names.Length];
        for (var i = 0; i < masks.Length; i++)
        {
            masks[i] = _graph.MaskOf(i);
        }
        foreach (var (name, nodes) in _byName)
        {
            if (nodes.Count < 2)
            {
                continue;
            }
            var taken = EnvironmentMask.None;
            var kept = new List<int>();
            foreach (var node in nodes)
            {
                var overlap = masks[node] & taken;
                if (!overlap.IsEmpty)
                {
                    _notes.Add($"{name}: the lock's versions {string.Join(" and ", nodes.Select(n => _versions[n]))} are both needed on "
                        + $"{_environments.ToSystemSet(overlap)}; {_versions[nodes[0]]} (the first) is used there");
                    masks[node] = new EnvironmentMask(masks[node].Bits & ~taken.Bits);
                }
                taken |= masks[node];
                if (!masks[node].IsEmpty)
                {
                    kept.Add(node);
                }
            }
            if (kept.Count > 1)
            {
                _notes.Add($"{name} has a version per system: "
                    + string.Join("; ", kept.Select(n => $"{_versions[n]} on {_environments.ToSystemSet(masks[n])}")));
            }
        }
        return masks;
    }

    private ResolvedPackage Package(int node, EnvironmentMask mask)
    {
        var package = _lock.Packages[node];
        var systems = _environments.ToSystemSet(mask);
        var source = PoetryPackageSources.DirectSourceOf(package);
        var files = source is null
            ? PoetryPackageSources.FilesOf(package, _names[node], systems, _environments.Target.Python, _notes)
            : [];
        if (source is null && files.Count == 0)
        {
            _notes.Add($"{package.Position}: {_names[node]} {package.Version} has no file usable on {systems} with a sha256 hash in the lock");
        }
        var optional = new Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>>();
        foreach (var (extra, dependencies) in _graph.OptionalDependenciesOf(node))
        {
            optional[extra] = Within(dependencies, systems);
        }
        return new ResolvedPackage(_names[node], _versions[node])
        {
            Source = source,
            Files = files,
            Dependencies = Within(_graph.DependenciesOf(node), systems),
            OptionalDependencies = optional,
            Systems = systems,
            RequiresPython = RequiresPython(package),
        };
    }

    private static List<ResolvedDependency> Within(IEnumerable<ResolvedDependency> dependencies, Packaging.Targets.SystemSet systems)
    {
        var result = new List<ResolvedDependency>();
        foreach (var dependency in dependencies)
        {
            var within = dependency.Systems & systems;
            if (!within.IsEmpty)
            {
                result.Add(dependency with { Systems = within });
            }
        }
        return result;
    }

    private string? RequiresPython(PoetryPackage package)
    {
        if (package.PythonVersions is not { } text)
        {
            return null;
        }
        var constraint = PythonConstraint(text, package.PythonVersionsValue, package.Position);
        return !constraint.IsAny && constraint.TryGetSpecifierSet(out var set, out _) ? set.ToString() : null;
    }

    /// <summary>A <c>python-versions</c> constraint; the few distinct ones of a lock are parsed once each.</summary>
    private PoetryConstraint PythonConstraint(string text, TomlString? value, TomlPosition position)
    {
        if (!_pythonConstraints.TryGetValue(text, out var constraint))
        {
            constraint = PoetryDependencyConditions.ConstraintOf(text, value, position);
            _pythonConstraints[text] = constraint;
        }
        return constraint;
    }

    private void NoteMissingDependencies()
    {
        var projectName = _project?.Project?.Name ?? _project?.Poetry?.Name;
        foreach (var (from, edge, dependency, forExtras) in _missing)
        {
            if (projectName is not null && PackageName.Normalize(projectName) == PackageName.Normalize(dependency.Name))
            {
                continue;
            }
            var mask = dependency.Optional == true ? EnvironmentMask.None : _graph.MaskOf(from, edge);
            foreach (var extra in forExtras)
            {
                mask |= _graph.MaskOf(from, edge, extra);
            }
            if (!mask.IsEmpty)
            {
                _notes.Add($"{dependency.Position}: {_names[from]} {_versions[from]} needs {dependency.Name} on {_environments.ToSystemSet(mask)}, "
                    + $"but {_lock.SourceName} has no package of that name; it was left out");
            }
        }
    }

    private void NotePythonMismatch(EnvironmentMask[] masks)
    {
        var python = Pep440Version.Parse(_environments.Target.Python.FullVersion);
        if (_lock.Metadata.PythonVersions is { } projectPython
            && !PoetryDependencyConditions.ConstraintOf(projectPython, _lock.Metadata.PythonVersionsValue, _lock.Metadata.Position).Contains(python))
        {
            _notes.Add($"the project asks for Python {projectPython}, which does not include the target Python {python}");
        }
        for (var i = 0; i < masks.Length; i++)
        {
            var package = _lock.Packages[i];
            if (!masks[i].IsEmpty && package.PythonVersions is { } text
                && !PythonConstraint(text, package.PythonVersionsValue, package.Position).Contains(python))
            {
                _notes.Add($"{_names[i]} {package.Version} declares python-versions '{text}', which does not include the target Python {python}");
            }
        }
    }
}
