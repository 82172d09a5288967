using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Releases;
using Req2Nix.Resolver.Solving;

namespace Req2Nix.Resolver.Assembly;

/// <summary>
/// Merges the per-system resolutions into one <see cref="Resolution"/>: a release pinned alike on
/// several systems appears once with those systems; edges keep the systems they hold on; a project
/// pinned at different versions appears once per version, and a note says so. Files are the
/// release's sdist and wheels usable on some of its systems, each with a verified sha256.
/// </summary>
internal sealed class ResolutionAssembler
{
    private readonly ReleaseStore _store;
    private readonly ListedFiles _listed;
    private readonly ResolutionTarget _target;

    public ResolutionAssembler(ReleaseStore store, ListedFiles listed, ResolutionTarget target)
    {
        _store = store;
        _listed = listed;
        _target = target;
    }

    public async Task<Resolution> AssembleAsync(IReadOnlyList<SystemPins> systems)
    {
        var packages = new Dictionary<(PackageName, string), PackageParts>();
        var roots = new Dictionary<(PackageName, string), (IReadOnlyList<ExtraName> Extras, SystemSet Systems)>();
        var rootOrder = new List<(PackageName, string)>();
        foreach (var pins in systems)
        {
            var system = SystemSet.Of(pins.System);
            foreach (var (name, release) in pins.Releases)
            {
                var key = (name, KeyOf(release));
                if (!packages.TryGetValue(key, out var parts))
                {
                    packages[key] = parts = new PackageParts(release);
                }
                parts.Systems |= system;
                foreach (var dependency in pins.Dependencies[name])
                {
                    parts.AddDependency(dependency, system);
                }
                if (pins.OptionalDependencies.TryGetValue(name, out var byExtra))
                {
                    foreach (var (extra, dependencies) in byExtra)
                    {
                        foreach (var dependency in dependencies)
                        {
                            parts.AddOptionalDependency(extra, dependency, system);
                        }
                    }
                }
            }
            foreach (var (identifier, _) in pins.Roots)
            {
                var key = (identifier.Name, string.Join(',', identifier.Extras));
                if (!roots.TryGetValue(key, out var root))
                {
                    rootOrder.Add(key);
                    root = (identifier.Extras, SystemSet.None);
                }
                roots[key] = (root.Extras, root.Systems | system);
            }
        }

        var resolved = await Task.WhenAll(packages.Values.Select(BuildPackageAsync)).ConfigureAwait(false);
        var ordered = resolved.OrderBy(package => package.Name).ThenBy(package => package.Version).ToList();
        return new Resolution(_target, ordered)
        {
            Roots = [.. rootOrder.Select(key => new ResolvedDependency(key.Item1, roots[key].Systems) { Extras = roots[key].Extras })],
            Notes = ForkNotes(ordered),
        };
    }

    private static string KeyOf(ReleaseCandidate release) =>
        release is DirectCandidate direct ? direct.Source.Url : release.Version.ToString();

    private async Task<ResolvedPackage> BuildPackageAsync(PackageParts parts)
    {
        var release = parts.Release;
        var files = await FilesOfAsync(release, parts.Systems).ConfigureAwait(false);
        return new ResolvedPackage(release.Identifier.Name, release.Version)
        {
            Source = release is DirectCandidate direct ? direct.Source : null,
            Files = files,
            Systems = parts.Systems,
            Dependencies = parts.Dependencies(),
            OptionalDependencies = parts.OptionalDependencies(),
            RequiresPython = release.Metadata.Metadata.RequiresPython,
        };
    }

    private async Task<IReadOnlyList<ResolvedFile>> FilesOfAsync(ReleaseCandidate release, SystemSet systems)
    {
        if (release is DirectCandidate direct)
        {
            var digest = await _store.GetSha256Async(direct.File).ConfigureAwait(false);
            return [new ResolvedFile(direct.File.Filename, direct.File.Url.ToString(), digest)];
        }
        var usable = _listed.Of((IndexCandidate)release, systems);
        var digests = await Task.WhenAll(usable.Select(file => _store.GetSha256Async(file.File))).ConfigureAwait(false);
        return [.. usable.Select((file, i) => new ResolvedFile(file.File.Filename, file.File.Url.ToString(), digests[i]))];
    }

    private static List<string> ForkNotes(List<ResolvedPackage> packages)
    {
        var notes = new List<string>();
        foreach (var group in packages.GroupBy(package => package.Name).Where(group => group.Count() > 1))
        {
            var versions = string.Join("; ", group.Select(package => $"{package.Version} on {package.Systems}"));
            notes.Add($"{group.Key} differs between systems: {versions}");
        }
        return notes;
    }

    /// <summary>What the systems say about one release, accumulated.</summary>
    private sealed class PackageParts
    {
        private readonly Dictionary<(PackageName, string), (IReadOnlyList<ExtraName> Extras, SystemSet Systems)> _dependencies = [];
        private readonly SortedDictionary<ExtraName, Dictionary<(PackageName, string), (IReadOnlyList<ExtraName> Extras, SystemSet Systems)>> _optional = [];

        public PackageParts(ReleaseCandidate release)
        {
            Release = release;
        }

        public ReleaseCandidate Release { get; }

        public SystemSet Systems { get; set; }

        public void AddDependency(Identifier dependency, SystemSet system) => Add(_dependencies, dependency, system);

        public void AddOptionalDependency(ExtraName extra, Identifier dependency, SystemSet system)
        {
            if (!_optional.TryGetValue(extra, out var dependencies))
            {
                _optional[extra] = dependencies = [];
            }
            Add(dependencies, dependency, system);
        }

        public List<ResolvedDependency> Dependencies() => Sorted(_dependencies);

        public Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>> OptionalDependencies() =>
            _optional.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<ResolvedDependency>)Sorted(entry.Value));

        private static void Add(
            Dictionary<(PackageName, string), (IReadOnlyList<ExtraName> Extras, SystemSet Systems)> into,
            Identifier dependency,
            SystemSet system)
        {
            var key = (dependency.Name, string.Join(',', dependency.Extras));
            into[key] = into.TryGetValue(key, out var known) ? (known.Extras, known.Systems | system) : (dependency.Extras, system);
        }

        private static List<ResolvedDependency> Sorted(Dictionary<(PackageName, string), (IReadOnlyList<ExtraName> Extras, SystemSet Systems)> dependencies) =>
            [.. dependencies
                .OrderBy(entry => entry.Key.Item1)
                .ThenBy(entry => entry.Key.Item2, StringComparer.Ordinal)
                .Select(entry => new ResolvedDependency(entry.Key.Item1, entry.Value.Systems) { Extras = entry.Value.Extras })];
    }
}
