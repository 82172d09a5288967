using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// The marker environments of a resolution target: CPython on each of its Nix systems, in
/// <see cref="NixSystem.All"/> order, so that bit <c>i</c> of an <see cref="EnvironmentMask"/> is the
/// target's <c>i</c>-th system. Converts masks to <see cref="SystemSet"/>s.
/// </summary>
internal sealed class TargetEnvironments
{
    private readonly NixSystem[] _systems;

    /// <param name="adjust">Changes each system's environment, e.g. to give lock-file markers their <c>extras</c> set.</param>
    public TargetEnvironments(ResolutionTarget target, Func<MarkerEnvironment, MarkerEnvironment>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _systems = [.. target.Systems];
        if (_systems.Length == 0)
        {
            throw new ArgumentException("the target names no Nix system", nameof(target));
        }
        Target = target;
        Set = new MarkerEnvironmentSet(_systems.Select(system =>
        {
            var environment = MarkerEnvironment.For(system, target.Python);
            return adjust is null ? environment : adjust(environment);
        }));
    }

    public ResolutionTarget Target { get; }

    public MarkerEnvironmentSet Set { get; }

    public EnvironmentMask All => Set.All;

    public SystemSet ToSystemSet(EnvironmentMask mask)
    {
        var systems = SystemSet.None;
        foreach (var index in mask.Indexes())
        {
            systems |= SystemSet.Of(_systems[index]);
        }
        return systems;
    }

    /// <summary>Where the marker holds installing <paramref name="extra"/> (none when null); everywhere for no marker.</summary>
    public EnvironmentMask Evaluate(Marker? marker, ExtraName? extra, TomlPosition position)
    {
        if (marker is null)
        {
            return All;
        }
        try
        {
            return marker.Evaluate(Set, extra);
        }
        catch (MarkerEvaluationException error)
        {
            throw new LockFileException($"the marker '{marker}' cannot be evaluated: {error.Message}", position, error);
        }
    }
}
