using Req2Nix.Packaging.Targets;

namespace Req2Nix.Emit.Nix;

/// <summary>
/// The simplest Nix condition over <c>stdenv.hostPlatform</c> that is true on the systems of a set
/// and false on the others that matter. Systems outside the universe never evaluate it, so the
/// condition may say anything about them: for a package built only on Linux, a dependency on
/// both Linux systems is unconditional, and one on aarch64-linux alone is <c>isAarch64</c>.
/// Conditions are disjunctions of terms, a term being one predicate (<c>isLinux</c>,
/// <c>isDarwin</c>, <c>isx86_64</c>, <c>isAarch64</c>) or a kernel and a CPU
/// (<c>isLinux &amp;&amp; isAarch64</c>); the one with the fewest predicates wins, ties broken
/// by a fixed order of the terms, so the same sets always give the same text.
/// </summary>
internal static class SystemCondition
{
    private static readonly Term[] Terms = BuildTerms();

    /// <summary>
    /// The condition true on <paramref name="systems"/> within <paramref name="universe"/>;
    /// null when it holds on the whole universe (no condition needed). An empty set gives <c>false</c>.
    /// </summary>
    public static string? For(SystemSet systems, SystemSet universe)
    {
        var wanted = systems.Intersect(universe);
        if (wanted == universe)
        {
            return null;
        }
        if (wanted.IsEmpty)
        {
            return "false";
        }
        Term[]? best = null;
        var bestCost = int.MaxValue;
        // Eight terms: every subset is a candidate disjunction; the search is 256 steps.
        for (var mask = 1; mask < 1 << Terms.Length; mask++)
        {
            var covered = SystemSet.None;
            var cost = 0;
            for (var i = 0; i < Terms.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    covered = covered.Union(Terms[i].Systems);
                    cost += Terms[i].Cost;
                }
            }
            if (covered.Intersect(universe) != wanted || cost >= bestCost)
            {
                continue;
            }
            bestCost = cost;
            best = [.. Terms.Where((_, i) => (mask & (1 << i)) != 0)];
        }
        // Every single system is a term, so some subset always matches.
        var terms = best!;
        return terms.Length == 1 ? terms[0].Text : string.Join(" || ", terms.Select(t => t.Cost > 1 ? $"({t.Text})" : t.Text));
    }

    private static Term[] BuildTerms()
    {
        var linux = NixSystem.All.Where(s => s.IsLinux).ToArray();
        var darwin = NixSystem.All.Where(s => s.IsDarwin).ToArray();
        var x64 = NixSystem.All.Where(s => s.NixCpuPredicate == NixSystem.LinuxX64.NixCpuPredicate).ToArray();
        var arm = NixSystem.All.Where(s => s.NixCpuPredicate == NixSystem.LinuxArm64.NixCpuPredicate).ToArray();
        var terms = new List<Term>
        {
            new(linux[0].NixKernelPredicate, SystemSet.Of(linux), 1),
            new(darwin[0].NixKernelPredicate, SystemSet.Of(darwin), 1),
            new(x64[0].NixCpuPredicate, SystemSet.Of(x64), 1),
            new(arm[0].NixCpuPredicate, SystemSet.Of(arm), 1),
        };
        terms.AddRange(NixSystem.All.Select(s => new Term(s.NixPredicate, SystemSet.Of(s), 2)));
        return [.. terms];
    }

    private sealed record Term(string Text, SystemSet Systems, int Cost);
}
