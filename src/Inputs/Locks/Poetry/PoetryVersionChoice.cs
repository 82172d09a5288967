using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Chooses, where a lock holds several versions of a name, which version each target system
/// uses, as Poetry's installer does when it solves over the locked packages: on each system, the
/// highest version that every dependency holding there allows (and that its lock 2.1 markers allow
/// there). The graph is walked again after each choice, since the chosen versions' own
/// dependencies change what holds where, until nothing changes. When no version of a name
/// satisfies every dependency on a system and one of those dependencies comes from a version
/// chosen the same way, that version is ruled out on that system and the next lower one tried:
/// a small backtracking step (types-requests 2.32 needs urllib3 2, which botocore forbids on
/// Python 3.8, so 3.8 gets types-requests 2.31).
/// </summary>
internal sealed class PoetryVersionChoice(
    LockGraph graph,
    Dictionary<PackageName, List<int>> byName,
    Pep440Version[] versions,
    List<VersionChoiceLink> links)
{
    private const int MaxRounds = 32;

    private readonly Dictionary<int, EnvironmentMask> _ruledOut = [];

    public void Choose()
    {
        var names = links.Select(link => link.Name).Distinct().ToList();
        for (var round = 0; round < MaxRounds; round++)
        {
            var changed = false;
            foreach (var name in names)
            {
                changed |= ChooseFor(name);
            }
            if (!changed)
            {
                return;
            }
            graph.Walk();
        }
    }

    private bool ChooseFor(PackageName name)
    {
        var candidates = byName[name];
        var active = new List<(VersionChoiceLink Link, EnvironmentMask Mask)>();
        var restricts = new Dictionary<int, EnvironmentMask>();
        var needed = EnvironmentMask.None;
        foreach (var link in links)
        {
            if (link.Name != name)
            {
                continue;
            }
            var mask = MaskOf(link);
            active.Add((link, mask));
            needed |= mask;
            foreach (var edge in link.Edges)
            {
                if (edge.Restrict is { } restrict)
                {
                    restricts[edge.Target] = restricts.TryGetValue(edge.Target, out var existing) ? existing | restrict : restrict;
                }
            }
        }

        var allowed = new EnvironmentMask[candidates.Count];
        for (var k = 0; k < allowed.Length; k++)
        {
            allowed[k] = new EnvironmentMask(graph.All.Bits & ~needed.Bits);
        }
        var changed = false;
        foreach (var system in needed.Indexes())
        {
            var best = Best(candidates, active, restricts, system, skip: null);
            if (best < 0)
            {
                changed |= RuleOutCulprits(candidates, active, restricts, system);
                best = FirstReached(candidates, system);
            }
            allowed[best] |= new EnvironmentMask(1UL << system);
        }

        for (var k = 0; k < candidates.Count; k++)
        {
            if (graph.AllowedOf(candidates[k]) != allowed[k])
            {
                graph.Allow(candidates[k], allowed[k]);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// The index in <paramref name="candidates"/> of the highest version every dependency active on
    /// the system allows (but <paramref name="skip"/>), or -1 when there is none.
    /// </summary>
    private int Best(
        List<int> candidates,
        List<(VersionChoiceLink Link, EnvironmentMask Mask)> active,
        Dictionary<int, EnvironmentMask> restricts,
        int system,
        VersionChoiceLink? skip)
    {
        var best = -1;
        for (var k = 0; k < candidates.Count; k++)
        {
            var candidate = candidates[k];
            if ((restricts.TryGetValue(candidate, out var restrict) && !restrict.Contains(system))
                || (_ruledOut.TryGetValue(candidate, out var ruledOut) && ruledOut.Contains(system)))
            {
                continue;
            }
            var allows = true;
            foreach (var (link, mask) in active)
            {
                if (link != skip && mask.Contains(system) && link.Constraint is { } constraint && !constraint.Contains(versions[candidate]))
                {
                    allows = false;
                    break;
                }
            }
            if (allows && (best < 0 || versions[candidate] > versions[candidates[best]]))
            {
                best = k;
            }
        }
        return best;
    }

    /// <summary>
    /// Rules out, on the system, the chosen versions whose dependency alone stands in the way of a
    /// solution (or, if none does alone, every chosen version among the dependents); true when any was.
    /// </summary>
    private bool RuleOutCulprits(
        List<int> candidates,
        List<(VersionChoiceLink Link, EnvironmentMask Mask)> active,
        Dictionary<int, EnvironmentMask> restricts,
        int system)
    {
        var fromChosen = active.FindAll(a => a.Mask.Contains(system) && a.Link.Constraint is not null && IsChosen(a.Link.From));
        var culprits = fromChosen.FindAll(a => Best(candidates, active, restricts, system, a.Link) >= 0);
        var changed = false;
        foreach (var (link, _) in culprits.Count > 0 ? culprits : fromChosen)
        {
            var before = _ruledOut.TryGetValue(link.From, out var mask) ? mask : EnvironmentMask.None;
            var after = before | new EnvironmentMask(1UL << system);
            if (after != before)
            {
                _ruledOut[link.From] = after;
                changed = true;
            }
        }
        return changed;
    }

    private bool IsChosen(int node) => node >= 0 && links.Exists(link => link.Edges.Any(edge => edge.Target == node));

    /// <summary>No version satisfies every dependency here: keep the first one the walk reached.</summary>
    private int FirstReached(List<int> candidates, int system)
    {
        for (var k = 0; k < candidates.Count; k++)
        {
            if (graph.MaskOf(candidates[k]).Contains(system))
            {
                return k;
            }
        }
        return 0;
    }

    /// <summary>Where the dependency holds, whichever version it leads to.</summary>
    private EnvironmentMask MaskOf(VersionChoiceLink link)
    {
        var mask = EnvironmentMask.None;
        foreach (var edge in link.Edges)
        {
            var unrestricted = edge with { Restrict = null };
            if (link.From == VersionChoiceLink.FromProject)
            {
                mask |= graph.RootMaskOf(unrestricted);
            }
            else if (link.OnlyForExtras is { } extras)
            {
                foreach (var extra in extras)
                {
                    mask |= graph.MaskOf(link.From, unrestricted, extra);
                }
            }
            else
            {
                mask |= graph.MaskOf(link.From, unrestricted);
            }
        }
        return mask;
    }
}
