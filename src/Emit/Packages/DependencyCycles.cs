using Req2Nix.Packaging.Names;

namespace Req2Nix.Emit.Packages;

/// <summary>
/// Finds the dependency cycles of the packages (PyPI has them) and breaks each by leaving out the
/// edge that closes it in a depth-first walk over the names in order, edges in order, so the
/// same resolution always loses the same edges. An edge is a package another one propagates:
/// a dependency, or a member of <c>final.x.optional-dependencies.y</c> that a dependency on
/// <c>x[y]</c> splices in (then the edge is "via" <c>x[y]</c>). Nix could not build such a cycle.
/// </summary>
internal sealed class DependencyCycles
{
    private readonly Dictionary<(PackageName From, PackageName To, Via? Via), string> _dropped = [];

    private DependencyCycles()
    {
    }

    public static DependencyCycles Find(PackageAttributes packages)
    {
        var cycles = new DependencyCycles();
        var edges = new Dictionary<PackageName, Edge[]>();
        foreach (var name in packages.Names)
        {
            edges[name] = EdgesFrom(packages, name);
        }
        var state = new Dictionary<PackageName, bool>(); // false: on the walk's path; true: done
        var path = new List<PackageName>();
        foreach (var name in packages.Names)
        {
            if (!state.ContainsKey(name))
            {
                cycles.Visit(name, edges, state, path);
            }
        }
        return cycles;
    }

    /// <summary>True when some edge through <c>via</c> (a dependency's extra) was left out of <paramref name="from"/>.</summary>
    public bool DropsAnyVia(PackageName from, Via via) => _dropped.Keys.Any(key => key.From == from && key.Via == via);

    /// <summary>The cycle an edge closes (<c>a -> b -> a</c>), or null when the edge is kept.</summary>
    public string? DroppedCycle(PackageName from, PackageName to, Via? via) => _dropped.GetValueOrDefault((from, to, via));

    /// <summary>The depth-first walk from <paramref name="start"/>, iterative: a long dependency chain cannot exhaust the stack.</summary>
    private void Visit(PackageName start, Dictionary<PackageName, Edge[]> edges, Dictionary<PackageName, bool> state, List<PackageName> path)
    {
        var next = new Stack<int>();
        state[start] = false;
        path.Add(start);
        next.Push(0);
        while (next.Count > 0)
        {
            var name = path[^1];
            var index = next.Pop();
            var outgoing = edges[name];
            if (index == outgoing.Length)
            {
                path.RemoveAt(path.Count - 1);
                state[name] = true;
                continue;
            }
            next.Push(index + 1);
            var edge = outgoing[index];
            if (!state.TryGetValue(edge.To, out var done))
            {
                state[edge.To] = false;
                path.Add(edge.To);
                next.Push(0);
            }
            else if (!done)
            {
                var cycleStart = path.IndexOf(edge.To);
                var cycle = string.Join(" -> ", path.Skip(cycleStart).Append(edge.To));
                _dropped[(name, edge.To, edge.Via)] = cycle;
            }
        }
    }

    private static Edge[] EdgesFrom(PackageAttributes packages, PackageName name)
    {
        var edges = new HashSet<Edge>();
        foreach (var package in packages.VersionsOf(name))
        {
            var systems = packages.SystemsOf(package);
            foreach (var dependency in package.Dependencies)
            {
                var within = PackageAttributes.SystemsOf(dependency).Intersect(systems);
                if (within.IsEmpty)
                {
                    continue;
                }
                edges.Add(new Edge(dependency.Name, null));
                foreach (var extra in dependency.Extras)
                {
                    foreach (var (member, _) in packages.ExtraClosure(dependency.Name, extra, within))
                    {
                        edges.Add(new Edge(member, new Via(dependency.Name, extra)));
                    }
                }
            }
        }
        var sorted = new Edge[edges.Count];
        edges.CopyTo(sorted);
        Array.Sort(sorted, Edge.Compare);
        return sorted;
    }

    private sealed record Edge(PackageName To, Via? Via)
    {
        /// <summary>By target, then by the extra it goes through: none first, then by package and extra.</summary>
        public static int Compare(Edge a, Edge b)
        {
            var byTarget = a.To.CompareTo(b.To);
            if (byTarget != 0)
            {
                return byTarget;
            }
            if (a.Via is null || b.Via is null)
            {
                return (a.Via is null ? 0 : 1) - (b.Via is null ? 0 : 1);
            }
            var byPackage = a.Via.Package.CompareTo(b.Via.Package);
            return byPackage != 0 ? byPackage : a.Via.Extra.CompareTo(b.Via.Extra);
        }
    }
}

/// <summary>The dependency's extra through which an edge is propagated: <c>final.{Package}.optional-dependencies.{Extra}</c>.</summary>
internal sealed record Via(PackageName Package, ExtraName Extra);
