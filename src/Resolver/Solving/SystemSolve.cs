using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// One system's resolution: the manifest read as pip reads its inputs there (root requirements and
/// constraints whose markers hold, the order of first mention), then the solver run. Both block on
/// index data: they run on a solver thread (<see cref="SolverThreads"/>).
/// </summary>
internal sealed class SystemSolve
{
    /// <summary>pip's limit on rounds.</summary>
    public const int MaxRounds = 200_000;

    private SystemSolve(TargetEnvironment target, CandidateFactory factory, MatchFinder finder, BacktrackingSolver solver, IReadOnlyList<SolverRequirement> roots)
    {
        Target = target;
        Factory = factory;
        Finder = finder;
        Solver = solver;
        Roots = roots;
    }

    public TargetEnvironment Target { get; }

    public CandidateFactory Factory { get; }

    public MatchFinder Finder { get; }

    public BacktrackingSolver Solver { get; }

    /// <summary>The root requirements that apply on this system, in input order.</summary>
    public IReadOnlyList<SolverRequirement> Roots { get; }

    public SolverOutcome? Outcome { get; private set; }

    public static SystemSolve Prepare(Manifest manifest, TargetEnvironment target, ReleaseStore store, Prefetcher? prefetcher, PinNotifier? notifier)
    {
        var identifiers = new IdentifierTable();
        var factory = new CandidateFactory(store, target, identifiers, prefetcher);
        var constraints = CollectConstraints(manifest, factory);
        var roots = new List<SolverRequirement>();
        var userRequested = new Dictionary<Identifier, int>(ReferenceEqualityComparer.Instance);
        for (var position = 0; position < manifest.Requirements.Count; position++)
        {
            var root = manifest.Requirements[position];
            if (!factory.Applies(root.Requirement.Marker, []))
            {
                continue;
            }
            var identifier = identifiers.For(root.Name, root.Requirement.Extras);
            var requirement = ArchiveOf(root) is { } archive
                ? factory.DirectRequirement(identifier, archive, root)
                : new SpecifierRequirement(identifier, root.Requirement, root);
            userRequested.TryAdd(requirement.Identifier, position);
            roots.Add(requirement);
        }
        var finder = new MatchFinder(factory, constraints, store.Settings);
        var solver = new BacktrackingSolver(factory, finder, new PreferenceRule(userRequested), notifier);
        return new SystemSolve(target, factory, finder, solver, roots);
    }

    public SolverOutcome Run(CancellationToken cancellationToken)
    {
        Outcome = Solver.Resolve(Roots, MaxRounds, cancellationToken);
        return Outcome;
    }

    /// <summary>The archive a requirement names: its source, or a PEP 508 URL the reader left unclassified.</summary>
    private static ArchiveSource? ArchiveOf(RootRequirement requirement) =>
        requirement.Source as ArchiveSource ?? (requirement.Requirement.Url is { } url ? new ArchiveSource(url) : null);

    private static Dictionary<PackageName, ProjectConstraint> CollectConstraints(Manifest manifest, CandidateFactory factory)
    {
        var byName = new Dictionary<PackageName, List<RootRequirement>>();
        foreach (var constraint in manifest.Constraints)
        {
            if (!factory.Applies(constraint.Requirement.Marker, []))
            {
                continue;
            }
            if (!byName.TryGetValue(constraint.Name, out var list))
            {
                byName[constraint.Name] = list = [];
            }
            list.Add(constraint);
        }
        var constraints = new Dictionary<PackageName, ProjectConstraint>();
        foreach (var (name, sources) in byName)
        {
            var specifier = SpecifierSet.Empty;
            var hashes = HashPinSet.Any;
            DirectCandidate? link = null;
            foreach (var source in sources)
            {
                specifier = specifier.Intersect(source.Requirement.Specifier);
                hashes = hashes.And(HashPinSet.From(source.Hashes));
                if (ArchiveOf(source) is { } archive)
                {
                    var outcome = factory.GetDirectCandidate(name, archive);
                    link = outcome.Candidate
                        ?? throw new ResolutionInputException(source.Origin, $"the constraint on {name} names a file that cannot be used: {outcome.Problem}");
                }
            }
            constraints[name] = new ProjectConstraint(sources, specifier, hashes, link);
        }
        return constraints;
    }
}
