using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver.Assembly;

/// <summary>
/// Edges to dependencies accumulated over the systems' resolutions: one edge per project and
/// extras, holding on the union of the systems that have it, with the extras as first seen.
/// </summary>
/// <remarks>
/// Plain lists and a dictionary keyed by string rather than LINQ over tuples: the ahead-of-time
/// compiled image lacks LINQ's generic iterators over such value types, which the runtime would
/// otherwise compile on every run.
/// </remarks>
internal sealed class DependencyEdges
{
    private readonly Dictionary<string, Edge> _byKey = new(StringComparer.Ordinal);
    private readonly List<Edge> _inOrder = [];

    public void Add(PackageName name, IReadOnlyList<ExtraName> extras, SystemSet systems)
    {
        var joinedExtras = string.Join(',', extras);
        // A project name holds no bracket, so the key names one project and extras.
        var key = $"{name.Value}[{joinedExtras}]";
        if (!_byKey.TryGetValue(key, out var edge))
        {
            _byKey[key] = edge = new Edge(name, extras, joinedExtras);
            _inOrder.Add(edge);
        }
        edge.Systems |= systems;
    }

    /// <summary>The edges in the order they were first added.</summary>
    public List<ResolvedDependency> InFirstSeenOrder() => ToResolved(_inOrder);

    /// <summary>The edges by project name, then by extras (ordinal on their comma-joined spelling).</summary>
    public List<ResolvedDependency> Sorted()
    {
        var sorted = new List<Edge>(_inOrder);
        sorted.Sort(CompareByNameThenExtras);
        return ToResolved(sorted);
    }

    private static int CompareByNameThenExtras(Edge a, Edge b)
    {
        var byName = a.Name.CompareTo(b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.JoinedExtras, b.JoinedExtras);
    }

    private static List<ResolvedDependency> ToResolved(List<Edge> edges)
    {
        var resolved = new List<ResolvedDependency>(edges.Count);
        foreach (var edge in edges)
        {
            resolved.Add(new ResolvedDependency(edge.Name, edge.Systems) { Extras = edge.Extras });
        }
        return resolved;
    }

    private sealed class Edge(PackageName name, IReadOnlyList<ExtraName> extras, string joinedExtras)
    {
        public PackageName Name { get; } = name;

        public IReadOnlyList<ExtraName> Extras { get; } = extras;

        public string JoinedExtras { get; } = joinedExtras;

        public SystemSet Systems { get; set; }
    }
}
