using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// Up to 64 environments a marker is evaluated on at once, such as CPython on each Nix system
/// of a flake. <see cref="Marker.Evaluate(MarkerEnvironmentSet, Names.ExtraName?)"/> answers with an
/// <see cref="EnvironmentMask"/> whose bit <c>i</c> is environment <c>i</c>.
/// </summary>
public sealed class MarkerEnvironmentSet : IReadOnlyList<MarkerEnvironment>
{
    private readonly MarkerEnvironment[] _environments;
    private readonly bool[] _uniform;

    public MarkerEnvironmentSet(IEnumerable<MarkerEnvironment> environments)
    {
        ArgumentNullException.ThrowIfNull(environments);
        _environments = [.. environments];
        if (_environments.Length is 0 or > 64)
        {
            throw new ArgumentException($"a set holds 1 to 64 environments, not {_environments.Length}", nameof(environments));
        }
        All = new EnvironmentMask(_environments.Length == 64 ? ulong.MaxValue : (1UL << _environments.Length) - 1);
        _uniform = new bool[MarkerVariables.Count];
        for (var variable = MarkerVariable.OsName; variable <= MarkerVariable.DependencyGroups; variable++)
        {
            _uniform[(int)variable] = variable == MarkerVariable.Extra || IsSameEverywhere(variable);
        }
    }

    /// <summary>The mask of every environment in the set.</summary>
    public EnvironmentMask All { get; }

    public int Count => _environments.Length;

    public MarkerEnvironment this[int index] => _environments[index];

    /// <summary>CPython <paramref name="python"/> on each of <paramref name="systems"/>, in that order.</summary>
    public static MarkerEnvironmentSet For(IEnumerable<NixSystem> systems, PythonTarget python)
    {
        ArgumentNullException.ThrowIfNull(systems);
        return new(systems.Select(system => MarkerEnvironment.For(system, python)));
    }

    /// <summary>
    /// Whether every environment has the same value for <paramref name="variable"/> (the extra is
    /// given per evaluation, so it always does): a comparison on it then needs one evaluation.
    /// </summary>
    internal bool IsUniform(MarkerVariable variable) => _uniform[(int)variable];

    public IEnumerator<MarkerEnvironment> GetEnumerator() => ((IEnumerable<MarkerEnvironment>)_environments).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private bool IsSameEverywhere(MarkerVariable variable)
    {
        var first = _environments[0];
        foreach (var environment in _environments)
        {
            var same = MarkerVariables.IsSet(variable)
                ? ReferenceEquals(environment.Set(variable), first.Set(variable))
                    || (environment.Set(variable) is { } set && first.Set(variable) is { } firstSet && set.SetEquals(firstSet))
                : string.Equals(environment.Value(variable), first.Value(variable), StringComparison.Ordinal);
            if (!same)
            {
                return false;
            }
        }
        return true;
    }
}
