using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Solving;

namespace Req2Nix.Resolver.Assembly;

/// <summary>One system's successful resolution, read as packages and edges (what <see cref="ResolutionAssembler"/> merges).</summary>
internal sealed class SystemPins
{
    private SystemPins(NixSystem system)
    {
        System = system;
    }

    public NixSystem System { get; }

    /// <summary>The pinned release of each project.</summary>
    public Dictionary<PackageName, ReleaseCandidate> Releases { get; } = [];

    /// <summary>Each project's dependencies on this system: project and extras.</summary>
    public Dictionary<PackageName, List<Identifier>> Dependencies { get; } = [];

    /// <summary>Per project and requested extra, the dependencies that extra adds.</summary>
    public Dictionary<PackageName, Dictionary<ExtraName, List<Identifier>>> OptionalDependencies { get; } = [];

    /// <summary>The input requirements that apply on this system, in input order.</summary>
    public List<(Identifier Identifier, RootRequirement? Root)> Roots { get; } = [];

    public static SystemPins Read(SystemSolve solve)
    {
        var outcome = solve.Outcome ?? throw new InvalidOperationException("the solver has not run");
        var pins = outcome.Pins ?? throw new InvalidOperationException("the solver failed");
        var factory = solve.Factory;
        var result = new SystemPins(solve.Target.System);
        foreach (var (identifier, candidate) in pins.Entries())
        {
            if (candidate is ReleaseCandidate release)
            {
                result.Releases[identifier.Name] = release;
                var dependencies = factory.GetDependencies(release);
                result.Dependencies[identifier.Name] = [.. dependencies.Where(dependency => !dependency.Identifier.IsPython).Select(dependency => dependency.Identifier)];
            }
        }
        foreach (var (identifier, candidate) in pins.Entries())
        {
            if (candidate is ExtrasCandidate extras)
            {
                result.AddOptionalDependencies(factory, identifier, extras);
            }
        }
        foreach (var root in solve.Roots)
        {
            var rootRequirement = root switch
            {
                SpecifierRequirement specifier => specifier.Root,
                ExplicitRequirement explicitRequirement => explicitRequirement.Root,
                _ => null,
            };
            result.Roots.Add((root.Identifier, rootRequirement));
        }
        return result;
    }

    private void AddOptionalDependencies(CandidateFactory factory, Identifier identifier, ExtrasCandidate candidate)
    {
        var metadata = candidate.Base.Metadata;
        if (!OptionalDependencies.TryGetValue(identifier.Name, out var byExtra))
        {
            OptionalDependencies[identifier.Name] = byExtra = [];
        }
        foreach (var extra in identifier.Extras)
        {
            if (!metadata.ProvidesExtra(extra))
            {
                continue;
            }
            if (!byExtra.TryGetValue(extra, out var added))
            {
                byExtra[extra] = added = [];
            }
            foreach (var requirement in metadata.Dependencies)
            {
                if (requirement.Marker is not null && factory.Applies(requirement.Marker, [extra]) && !factory.Applies(requirement.Marker, []))
                {
                    var dependency = factory.Identifiers.For(requirement.NormalizedName, requirement.Extras);
                    if (!added.Contains(dependency))
                    {
                        added.Add(dependency);
                    }
                }
            }
        }
    }
}
