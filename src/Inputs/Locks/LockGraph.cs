using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// The dependency graph of a lock file, walked from its roots to find on which target
/// environments each package is needed, and with which extras. A node's mask is the union over
/// the edges reaching it of (the source's mask and the edge's marker); an extra requested of a
/// node has its own mask, which activates the node's optional dependencies for that extra and
/// the markers that test <c>extra</c>. Masks only grow, so the walk ends.
/// </summary>
internal sealed class LockGraph
{
    private readonly TargetEnvironments _environments;
    private readonly PackageName[] _names;
    private readonly List<LockEdge>[] _dependencies;
    private readonly Dictionary<ExtraName, List<LockEdge>>?[] _optional;
    private readonly EnvironmentMask[] _masks;
    private readonly EnvironmentMask[] _allowed;
    private readonly Dictionary<ExtraName, EnvironmentMask>[] _extraMasks;
    private readonly List<LockEdge> _roots = [];
    private readonly Dictionary<ExtraName, EnvironmentMask> _rootExtras = [];

    public LockGraph(TargetEnvironments environments, IReadOnlyList<PackageName> names)
    {
        _environments = environments;
        _names = [.. names];
        _dependencies = new List<LockEdge>[_names.Length];
        _optional = new Dictionary<ExtraName, List<LockEdge>>?[_names.Length];
        _masks = new EnvironmentMask[_names.Length];
        _allowed = new EnvironmentMask[_names.Length];
        _extraMasks = new Dictionary<ExtraName, EnvironmentMask>[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            _dependencies[i] = [];
            _extraMasks[i] = [];
            _allowed[i] = environments.All;
        }
    }

    /// <summary>The mask of every target environment.</summary>
    public EnvironmentMask All => _environments.All;

    public void AddDependency(int from, LockEdge edge) => _dependencies[from].Add(edge);

    public void AddOptionalDependency(int from, ExtraName extra, LockEdge edge)
    {
        var optional = _optional[from] ??= [];
        if (!optional.TryGetValue(extra, out var edges))
        {
            optional[extra] = edges = [];
        }
        edges.Add(edge);
    }

    /// <summary>An edge from the project itself, whose selected extras hold everywhere.</summary>
    public void AddRoot(LockEdge edge) => _roots.Add(edge);

    /// <summary>An extra of the project itself, for root markers that test <c>extra</c>.</summary>
    public void SelectRootExtra(ExtraName extra) => _rootExtras[extra] = _environments.All;

    public IEnumerable<int> Targets(int node)
    {
        foreach (var edge in _dependencies[node])
        {
            yield return edge.Target;
        }
        foreach (var edges in _optional[node]?.Values ?? Enumerable.Empty<List<LockEdge>>())
        {
            foreach (var edge in edges)
            {
                yield return edge.Target;
            }
        }
    }

    /// <summary>Limits where a node may be used (another version of its name serves the other environments); takes effect on the next <see cref="Walk"/>.</summary>
    public void Allow(int node, EnvironmentMask mask) => _allowed[node] = mask;

    public EnvironmentMask AllowedOf(int node) => _allowed[node];

    /// <summary>Walks from the roots, forgetting what an earlier walk found.</summary>
    public void Walk()
    {
        Array.Clear(_masks);
        foreach (var extras in _extraMasks)
        {
            extras.Clear();
        }
        var pending = new Queue<int>();
        var queued = new bool[_names.Length];
        foreach (var edge in _roots)
        {
            Propagate(edge, EdgeMask(_environments.All, _rootExtras, edge), pending, queued);
        }
        while (pending.TryDequeue(out var node))
        {
            queued[node] = false;
            foreach (var edge in _dependencies[node])
            {
                Propagate(edge, EdgeMask(_masks[node], _extraMasks[node], edge), pending, queued);
            }
            if (_optional[node] is { } optional)
            {
                foreach (var (extra, mask) in _extraMasks[node])
                {
                    if (optional.TryGetValue(extra, out var edges))
                    {
                        foreach (var edge in edges)
                        {
                            Propagate(edge, OptionalEdgeMask(mask, extra, edge), pending, queued);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The environments on which the node is needed (after <see cref="Walk"/>).</summary>
    public EnvironmentMask MaskOf(int node) => _masks[node];

    /// <summary>The environments on which a dependency of <paramref name="node"/> (present in the lock or not) holds.</summary>
    public EnvironmentMask MaskOf(int node, LockEdge edge, ExtraName? onlyForExtra = null) =>
        onlyForExtra is { } extra
            ? (_extraMasks[node].TryGetValue(extra, out var mask) ? OptionalEdgeMask(mask, extra, edge) : EnvironmentMask.None)
            : EdgeMask(_masks[node], _extraMasks[node], edge);

    /// <summary>The extras something requested of the node, sorted.</summary>
    public IReadOnlyList<ExtraName> RequestedExtras(int node) => [.. _extraMasks[node].Keys.Order()];

    /// <summary>The node's dependencies that hold without any extra, with the systems they hold on.</summary>
    public List<ResolvedDependency> DependenciesOf(int node)
    {
        var edges = new List<(LockEdge, EnvironmentMask)>();
        foreach (var edge in _dependencies[node])
        {
            edges.Add((edge, BaseMask(_masks[node], edge)));
        }
        return Aggregate(edges);
    }

    /// <summary>For each requested extra, the dependencies it adds (possibly none).</summary>
    public Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>> OptionalDependenciesOf(int node)
    {
        var result = new Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>>();
        foreach (var extra in RequestedExtras(node))
        {
            var mask = _extraMasks[node][extra];
            var edges = new List<(LockEdge, EnvironmentMask)>();
            foreach (var edge in _dependencies[node])
            {
                if (edge.Marker is { MentionsExtra: true })
                {
                    edges.Add((edge, OptionalEdgeMask(mask, extra, edge) & new EnvironmentMask(~BaseMask(_masks[node], edge).Bits)));
                }
            }
            if (_optional[node] is { } optional && optional.TryGetValue(extra, out var optionalEdges))
            {
                foreach (var edge in optionalEdges)
                {
                    edges.Add((edge, OptionalEdgeMask(mask, extra, edge)));
                }
            }
            result[extra] = Aggregate(edges);
        }
        return result;
    }

    /// <summary>The environments on which an edge from the project itself holds.</summary>
    public EnvironmentMask RootMaskOf(LockEdge edge) => EdgeMask(_environments.All, _rootExtras, edge);

    /// <summary>The project's own dependencies, with the systems they hold on.</summary>
    public List<ResolvedDependency> Roots()
    {
        var edges = new List<(LockEdge, EnvironmentMask)>();
        foreach (var edge in _roots)
        {
            edges.Add((edge, EdgeMask(_environments.All, _rootExtras, edge)));
        }
        return Aggregate(edges);
    }

    private void Propagate(LockEdge edge, EnvironmentMask mask, Queue<int> pending, bool[] queued)
    {
        if (edge.Target < 0)
        {
            return;
        }
        var target = edge.Target;
        mask &= _allowed[target];
        if (mask.IsEmpty)
        {
            return;
        }
        var changed = false;
        if ((_masks[target] | mask) != _masks[target])
        {
            _masks[target] |= mask;
            changed = true;
        }
        foreach (var extra in edge.Extras)
        {
            var extras = _extraMasks[target];
            var before = extras.TryGetValue(extra, out var existing) ? existing : EnvironmentMask.None;
            if ((before | mask) != before || !extras.ContainsKey(extra))
            {
                extras[extra] = before | mask;
                changed = true;
            }
        }
        if (changed && !queued[target])
        {
            queued[target] = true;
            pending.Enqueue(target);
        }
    }

    private EnvironmentMask BaseMask(EnvironmentMask source, LockEdge edge) =>
        source & _environments.Evaluate(edge.Marker, null, edge.Position) & Restriction(edge);

    private EnvironmentMask EdgeMask(EnvironmentMask source, Dictionary<ExtraName, EnvironmentMask> extras, LockEdge edge)
    {
        var mask = BaseMask(source, edge);
        if (edge.Marker is { MentionsExtra: true })
        {
            foreach (var (extra, extraMask) in extras)
            {
                mask |= OptionalEdgeMask(extraMask, extra, edge);
            }
        }
        return mask;
    }

    private EnvironmentMask OptionalEdgeMask(EnvironmentMask extraMask, ExtraName extra, LockEdge edge) =>
        extraMask & _environments.Evaluate(edge.Marker, extra, edge.Position) & Restriction(edge);

    private EnvironmentMask Restriction(LockEdge edge) => edge.Restrict ?? _environments.All;

    /// <summary>One dependency per target name and extras, holding on the union of its edges' systems; none that holds nowhere.</summary>
    private List<ResolvedDependency> Aggregate(List<(LockEdge Edge, EnvironmentMask Mask)> edges)
    {
        var merged = new Dictionary<(PackageName, string), (IReadOnlyList<ExtraName> Extras, EnvironmentMask Mask)>();
        foreach (var (edge, mask) in edges)
        {
            if (edge.Target < 0 || (mask & _allowed[edge.Target]).IsEmpty)
            {
                continue;
            }
            var key = (_names[edge.Target], string.Join(',', edge.Extras));
            merged[key] = merged.TryGetValue(key, out var existing) ? (existing.Extras, existing.Mask | mask) : (edge.Extras, mask);
        }
        var result = new List<ResolvedDependency>(merged.Count);
        foreach (var ((name, _), (extras, mask)) in merged.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2, StringComparer.Ordinal))
        {
            result.Add(new ResolvedDependency(name, _environments.ToSystemSet(mask)) { Extras = extras });
        }
        return result;
    }
}
