using System.Collections.Concurrent;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver.Index;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// Makes candidates and their dependencies for one system (pip's <c>Factory</c> and candidate
/// classes): each candidate once, so that the solver can compare them by reference; dependencies
/// filtered by markers for the system and the extras asked for, then the release's Requires-Python.
/// </summary>
internal sealed class CandidateFactory
{
    private readonly ReleaseStore _store;
    private readonly Prefetcher? _prefetcher;
    private readonly Dictionary<(PackageName, int), IndexCandidate?> _indexCandidates = [];
    private readonly Dictionary<(ReleaseCandidate, Identifier), ExtrasCandidate> _extrasCandidates = [];
    private readonly Dictionary<(PackageName, string), DirectOutcome> _directCandidates = [];

    public CandidateFactory(ReleaseStore store, TargetEnvironment target, IdentifierTable identifiers, Prefetcher? prefetcher)
    {
        _store = store;
        _prefetcher = prefetcher;
        Target = target;
        Identifiers = identifiers;
        Python = new PythonCandidate(identifiers.Python, target.PythonVersion);
    }

    public TargetEnvironment Target { get; }

    public IdentifierTable Identifiers { get; }

    public PythonCandidate Python { get; }

    public ReleaseStore Store => _store;

    /// <summary>Releases passed over because their metadata cannot be used, with the reason (for explanations).</summary>
    public ConcurrentDictionary<(PackageName Name, string Version), string> UnusableReleases { get; } = new();

    /// <summary>The candidate for a catalog position, or null when its metadata cannot be used.</summary>
    public IndexCandidate? GetIndexCandidate(ProjectReleases project, int versionIndex)
    {
        if (_indexCandidates.TryGetValue((project.Name, versionIndex), out var known))
        {
            return known;
        }
        var metadata = _store.NeedMetadata(project, versionIndex);
        if (_indexCandidates.TryGetValue((project.Name, versionIndex), out known))
        {
            return known;
        }
        IndexCandidate? candidate = null;
        if (metadata.IsUsable)
        {
            candidate = new IndexCandidate(Identifiers.For(project.Name), project, versionIndex, metadata);
        }
        else
        {
            UnusableReleases[(project.Name, project.Catalog[versionIndex].ToString())] = metadata.Problem!;
        }
        _indexCandidates[(project.Name, versionIndex)] = candidate;
        return candidate;
    }

    /// <summary>The release with the extras of <paramref name="identifier"/> (made once per base and identifier).</summary>
    public ExtrasCandidate ExtrasCandidateFor(Identifier identifier, ReleaseCandidate baseCandidate)
    {
        if (!_extrasCandidates.TryGetValue((baseCandidate, identifier), out var candidate))
        {
            candidate = new ExtrasCandidate(identifier, baseCandidate);
            _extrasCandidates.Add((baseCandidate, identifier), candidate);
        }
        return candidate;
    }

    /// <summary>The candidate for <paramref name="identifier"/> made from <paramref name="baseCandidate"/>: itself, or with the identifier's extras.</summary>
    public Candidate CandidateFor(Identifier identifier, ReleaseCandidate baseCandidate) =>
        identifier.HasExtras ? ExtrasCandidateFor(identifier, baseCandidate) : baseCandidate;

    /// <summary>
    /// The requirement for a direct URL: exactly its candidate, or, when the file cannot be used
    /// here (another project, a wheel this system cannot run), a requirement nothing satisfies.
    /// </summary>
    public SolverRequirement DirectRequirement(Identifier identifier, ArchiveSource source, RootRequirement? root)
    {
        var outcome = GetDirectCandidate(identifier.Name, source);
        if (outcome.Candidate is null)
        {
            return new UnsatisfiableRequirement(Identifiers.For(identifier.Name), outcome.Problem!) { Root = root };
        }
        return new ExplicitRequirement(CandidateFor(identifier, outcome.Candidate)) { Root = root };
    }

    /// <summary>The candidate of a direct URL, or why there is none.</summary>
    public DirectOutcome GetDirectCandidate(PackageName name, ArchiveSource source)
    {
        if (_directCandidates.TryGetValue((name, source.Url), out var known))
        {
            return known;
        }
        var outcome = MakeDirectCandidate(name, source);
        _directCandidates[(name, source.Url)] = outcome;
        return outcome;
    }

    /// <summary>The candidate's dependencies on this system, in pip's order (computed once per candidate).</summary>
    public SolverRequirement[] GetDependencies(Candidate candidate)
    {
        if (candidate.Dependencies is { } known)
        {
            return known;
        }
        var dependencies = candidate switch
        {
            ReleaseCandidate release => ReleaseDependencies(release),
            ExtrasCandidate extras => ExtrasDependencies(extras),
            _ => [],
        };
        candidate.Dependencies = dependencies;
        return dependencies;
    }

    /// <summary>Whether a Requires-Dist applies here for a release installed with <paramref name="extras"/> (pip's marker checks).</summary>
    public bool Applies(Marker? marker, IReadOnlyList<ExtraName> extras)
    {
        if (marker is null)
        {
            return true;
        }
        if (extras.Count == 0)
        {
            return marker.TryEvaluate(Target.Markers, null, out var holds) && holds;
        }
        foreach (var extra in extras)
        {
            if (marker.TryEvaluate(Target.Markers, extra, out var holds) && holds)
            {
                return true;
            }
        }
        return false;
    }

    private SolverRequirement[] ReleaseDependencies(ReleaseCandidate release)
    {
        var dependencies = new List<SolverRequirement>();
        AddRequiresDist(release.Metadata, [], dependencies);
        if (release.Metadata.RequiresPython is { } requiresPython)
        {
            dependencies.Add(new RequiresPythonRequirement(requiresPython, Python));
        }
        return [.. dependencies];
    }

    private SolverRequirement[] ExtrasDependencies(ExtrasCandidate candidate)
    {
        var dependencies = new List<SolverRequirement> { new ExplicitRequirement(candidate.Base) };
        // Extras the release does not provide are ignored, as pip does (with a warning).
        var provided = new List<ExtraName>();
        foreach (var extra in candidate.Identifier.Extras)
        {
            if (candidate.Base.Metadata.ProvidesExtra(extra))
            {
                provided.Add(extra);
            }
        }
        AddRequiresDist(candidate.Base.Metadata, provided, dependencies);
        return [.. dependencies];
    }

    private void AddRequiresDist(ReleaseMetadata metadata, IReadOnlyList<ExtraName> extras, List<SolverRequirement> into)
    {
        foreach (var requirement in metadata.Dependencies)
        {
            if (!Applies(requirement.Marker, extras))
            {
                continue;
            }
            var identifier = Identifiers.For(requirement.NormalizedName, requirement.Extras);
            _prefetcher?.Hint(requirement);
            if (requirement.Url is { } url)
            {
                into.Add(DirectRequirement(identifier, new ArchiveSource(url), root: null));
            }
            else
            {
                into.Add(new SpecifierRequirement(identifier, requirement, root: null));
            }
        }
    }

    private DirectOutcome MakeDirectCandidate(PackageName name, ArchiveSource source)
    {
        if (!DirectFiles.TryCreate(source, out var file, out var filename, out var problem))
        {
            return new DirectOutcome(null, problem);
        }
        if (filename.Name != name)
        {
            return new DirectOutcome(null, $"{filename.Filename} is a file of project '{filename.Name}', not '{name}'");
        }
        if (filename is WheelFilename wheel && !Target.Tags.IsCompatible(wheel))
        {
            return new DirectOutcome(null, $"{wheel.Filename} is not a wheel CPython {Target.Python} can use on {Target.System}");
        }
        CoreMetadata core;
        try
        {
            core = _store.NeedDirectMetadata(file);
        }
        catch (InvalidMetadataException exception)
        {
            return new DirectOutcome(null, exception.Message);
        }
        var version = filename is WheelFilename && Packaging.Pep440.Pep440Version.TryParse(filename.VersionText, out var stated) ? stated : core.Version;
        var metadata = new ReleaseMetadata(core, name, version);
        if (!metadata.IsUsable)
        {
            return new DirectOutcome(null, $"{filename.Filename}: {metadata.Problem}");
        }
        return new DirectOutcome(new DirectCandidate(Identifiers.For(name), version, metadata, file, source), null);
    }

    /// <summary>A direct URL's candidate, or the reason it cannot be one.</summary>
    internal readonly record struct DirectOutcome(DirectCandidate? Candidate, string? Problem);
}
