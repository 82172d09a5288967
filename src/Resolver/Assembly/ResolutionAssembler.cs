using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Index;
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
        var packages = new Dictionary<PackageName, Dictionary<string, PackageParts>>();
        var partsInOrder = new List<PackageParts>();
        var roots = new DependencyEdges();
        foreach (var pins in systems)
        {
            var system = SystemSet.Of(pins.System);
            foreach (var (name, release) in pins.Releases)
            {
                var parts = PartsOf(packages, partsInOrder, name, release);
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
                roots.Add(identifier.Name, identifier.Extras, system);
            }
        }

        var digests = new List<Task>();
        foreach (var parts in partsInOrder)
        {
            parts.StartDigests(_store, _listed);
            digests.AddRange(parts.Digests);
        }
        await Task.WhenAll(digests).ConfigureAwait(false);

        partsInOrder.Sort(PackageParts.CompareByNameThenVersion);
        var ordered = partsInOrder.ConvertAll(parts => parts.ToResolvedPackage());
        return new Resolution(_target, ordered)
        {
            Roots = roots.InFirstSeenOrder(),
            Notes = ForkNotes(ordered),
        };
    }

    /// <summary>The parts of a release, one per project and version (or direct URL), created on first sight.</summary>
    private static PackageParts PartsOf(
        Dictionary<PackageName, Dictionary<string, PackageParts>> packages,
        List<PackageParts> partsInOrder,
        PackageName name,
        ReleaseCandidate release)
    {
        if (!packages.TryGetValue(name, out var releases))
        {
            packages[name] = releases = new Dictionary<string, PackageParts>(StringComparer.Ordinal);
        }
        var key = release is DirectCandidate direct ? direct.Source.Url : release.Version.ToString();
        if (!releases.TryGetValue(key, out var parts))
        {
            releases[key] = parts = new PackageParts(release, partsInOrder.Count);
            partsInOrder.Add(parts);
        }
        return parts;
    }

    /// <summary>A note per project pinned at several versions; <paramref name="packages"/> is sorted by name.</summary>
    private static List<string> ForkNotes(List<ResolvedPackage> packages)
    {
        var notes = new List<string>();
        var start = 0;
        while (start < packages.Count)
        {
            var end = start + 1;
            while (end < packages.Count && packages[end].Name == packages[start].Name)
            {
                end++;
            }
            if (end - start > 1)
            {
                var versions = packages.GetRange(start, end - start).ConvertAll(package => $"{package.Version} on {package.Systems}");
                notes.Add($"{packages[start].Name} differs between systems: {string.Join("; ", versions)}");
            }
            start = end;
        }
        return notes;
    }

    /// <summary>What the systems say about one release, accumulated.</summary>
    private sealed class PackageParts
    {
        private readonly int _firstSeen;
        private readonly DependencyEdges _dependencies = new();
        private readonly Dictionary<ExtraName, OptionalEdges> _optional = [];
        private readonly List<OptionalEdges> _optionalInOrder = [];
        private readonly List<DistributionFile> _files = [];
        private readonly List<Task<Sha256Digest>> _digests = [];

        public PackageParts(ReleaseCandidate release, int firstSeen)
        {
            Release = release;
            _firstSeen = firstSeen;
        }

        public ReleaseCandidate Release { get; }

        public SystemSet Systems { get; set; }

        /// <summary>The sha256 of each file the package lists, once <see cref="StartDigests"/> has run.</summary>
        public IReadOnlyList<Task> Digests => _digests;

        /// <summary>By project name, then version; equal ones in the order first seen.</summary>
        public static int CompareByNameThenVersion(PackageParts a, PackageParts b)
        {
            var byName = a.Release.Identifier.Name.CompareTo(b.Release.Identifier.Name);
            if (byName != 0)
            {
                return byName;
            }
            var byVersion = a.Release.Version.CompareTo(b.Release.Version);
            return byVersion != 0 ? byVersion : a._firstSeen.CompareTo(b._firstSeen);
        }

        public void AddDependency(Identifier dependency, SystemSet system) =>
            _dependencies.Add(dependency.Name, dependency.Extras, system);

        public void AddOptionalDependency(ExtraName extra, Identifier dependency, SystemSet system)
        {
            if (!_optional.TryGetValue(extra, out var edges))
            {
                _optional[extra] = edges = new OptionalEdges(extra);
                _optionalInOrder.Add(edges);
            }
            edges.Edges.Add(dependency.Name, dependency.Extras, system);
        }

        /// <summary>
        /// Starts fetching the sha256 of the files the package lists: a direct release's file, or
        /// the release's files usable on some of its systems.
        /// </summary>
        public void StartDigests(ReleaseStore store, ListedFiles listed)
        {
            if (Release is DirectCandidate direct)
            {
                _files.Add(direct.File);
            }
            else
            {
                foreach (var file in listed.Of((IndexCandidate)Release, Systems))
                {
                    _files.Add(file.File);
                }
            }
            foreach (var file in _files)
            {
                _digests.Add(store.GetSha256Async(file));
            }
        }

        /// <summary>The package, once the tasks of <see cref="Digests"/> have completed.</summary>
        public ResolvedPackage ToResolvedPackage() => new(Release.Identifier.Name, Release.Version)
        {
            Source = Release is DirectCandidate direct ? direct.Source : null,
            Files = ResolvedFiles(),
            Systems = Systems,
            Dependencies = _dependencies.Sorted(),
            OptionalDependencies = OptionalDependencies(),
            RequiresPython = Release.Metadata.Metadata.RequiresPython,
        };

        private List<ResolvedFile> ResolvedFiles()
        {
            var files = new List<ResolvedFile>(_files.Count);
            for (var i = 0; i < _files.Count; i++)
            {
                // Completed: the assembler awaited every digest before building packages.
                var digest = _digests[i].Result;
                files.Add(new ResolvedFile(_files[i].Filename, _files[i].Url.ToString(), digest));
            }
            return files;
        }

        /// <summary>Per extra, in order of the extras, its dependencies sorted.</summary>
        private Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>> OptionalDependencies()
        {
            var byExtra = new List<OptionalEdges>(_optionalInOrder);
            byExtra.Sort((a, b) => a.Extra.CompareTo(b.Extra));
            var optional = new Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>>(byExtra.Count);
            foreach (var edges in byExtra)
            {
                optional[edges.Extra] = edges.Edges.Sorted();
            }
            return optional;
        }
    }

    /// <summary>The edges an extra of a release adds.</summary>
    private sealed class OptionalEdges(ExtraName extra)
    {
        public ExtraName Extra { get; } = extra;

        public DependencyEdges Edges { get; } = new();
    }
}
