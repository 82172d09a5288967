using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Joins the alternatives of a Poetry union into one PEP 440 specifier set when that says the
/// same thing. Each alternative must be a range (at most one lower and one upper bound) or a
/// single version; sorted by their lower bounds, neighbours must overlap or touch
/// (<c>&lt;2</c> then <c>&gt;=2</c>), or leave out exactly one version (<c>&lt;1.5</c> then
/// <c>&gt;1.5</c> gives <c>!=1.5</c>) or one release series (<c>&lt;2</c> then <c>&gt;=3</c> gives
/// <c>!=2.*</c>). This is how Poetry itself writes <c>!=</c> inside ranges
/// (<c>&gt;=1.21.1,&lt;1.25.0 || &gt;1.25.0,&lt;1.26</c>).
/// </summary>
internal static class PoetryConstraintUnion
{
    public static bool TryJoin(
        IReadOnlyList<SpecifierSet> alternatives,
        [NotNullWhen(true)] out SpecifierSet? joined,
        [NotNullWhen(false)] out string? reason)
    {
        joined = null;
        if (alternatives.Count == 1)
        {
            joined = alternatives[0];
            reason = null;
            return true;
        }
        var ranges = new List<Range>(alternatives.Count);
        foreach (var alternative in alternatives)
        {
            if (alternative.Count == 0)
            {
                joined = SpecifierSet.Empty;
                reason = null;
                return true;
            }
            if (!Range.TryFrom(alternative, out var range))
            {
                reason = $"'{alternative}' is not a single range, so the alternatives cannot be joined into one PEP 440 specifier set";
                return false;
            }
            ranges.Add(range);
        }
        ranges.Sort(static (a, b) => CompareLower(a, b));

        var current = ranges[0];
        var exclusions = new List<VersionSpecifier>();
        for (var i = 1; i < ranges.Count; i++)
        {
            var next = ranges[i];
            if (current.Upper is null)
            {
                break;
            }
            if (!TryConnect(current.Upper, next.Lower, exclusions))
            {
                reason = $"'{current.Upper}' and '{next.Lower?.ToString() ?? "*"}' leave a gap that PEP 440 cannot express as an exclusion";
                return false;
            }
            if (next.Upper is null || Pep440Version.Compare(next.Upper.Version, current.Upper.Version) > 0)
            {
                current = current with { Upper = next.Upper };
            }
        }
        var clauses = new List<VersionSpecifier>();
        if (current.Lower is not null)
        {
            clauses.Add(current.Lower);
        }
        if (current.Upper is not null)
        {
            clauses.Add(current.Upper);
        }
        clauses.AddRange(exclusions);
        joined = new SpecifierSet(clauses);
        reason = null;
        return true;
    }

    /// <summary>Whether a range ending at <paramref name="upper"/> and one starting at <paramref name="lower"/> join, adding any exclusion needed.</summary>
    private static bool TryConnect(VersionSpecifier upper, VersionSpecifier? lower, List<VersionSpecifier> exclusions)
    {
        if (lower is null)
        {
            return true;
        }
        var order = Pep440Version.Compare(lower.Version, upper.Version);
        if (order < 0)
        {
            return true;
        }
        if (order == 0)
        {
            var upperInclusive = upper.Operator == SpecifierOperator.LessThanOrEqual;
            var lowerInclusive = lower.Operator == SpecifierOperator.GreaterThanOrEqual;
            if (!upperInclusive && !lowerInclusive)
            {
                exclusions.Add(VersionSpecifier.Parse("!=" + upper.VersionText));
            }
            return true;
        }
        if (upper.Operator == SpecifierOperator.LessThan
            && lower.Operator == SpecifierOperator.GreaterThanOrEqual
            && IsNextSeries(upper.Version!, lower.Version!, out var series))
        {
            exclusions.Add(VersionSpecifier.Parse("!=" + series + ".*"));
            return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="high"/> starts the release series right after the one <paramref name="low"/> starts (2.0 → 3.0, 1.5 → 1.6).</summary>
    private static bool IsNextSeries(Pep440Version low, Pep440Version high, [NotNullWhen(true)] out string? series)
    {
        series = null;
        if (!PoetryVersion.IsPlainRelease(low) || !PoetryVersion.IsPlainRelease(high) || low.Epoch != high.Epoch
            || low.Local is not null || high.Local is not null)
        {
            return false;
        }
        var a = TrimZeros(low.Release);
        var b = TrimZeros(high.Release);
        if (a.Length != b.Length || !a[..^1].SequenceEqual(b[..^1]) || a[^1] + 1 != b[^1])
        {
            return false;
        }
        var text = string.Join('.', a.ToArray());
        series = low.Epoch == 0 ? text : $"{low.Epoch}!{text}";
        return true;
    }

    private static ReadOnlySpan<ulong> TrimZeros(ReadOnlySpan<ulong> release)
    {
        var length = release.Length;
        while (length > 1 && release[length - 1] == 0)
        {
            length--;
        }
        return release[..length];
    }

    private static int CompareLower(Range a, Range b)
    {
        if (a.Lower is null || b.Lower is null)
        {
            return (a.Lower is null ? 0 : 1) - (b.Lower is null ? 0 : 1);
        }
        var order = Pep440Version.Compare(a.Lower.Version, b.Lower.Version);
        if (order != 0)
        {
            return order;
        }
        // At the same version an inclusive bound starts first.
        return (a.Lower.Operator == SpecifierOperator.GreaterThanOrEqual ? 0 : 1) - (b.Lower.Operator == SpecifierOperator.GreaterThanOrEqual ? 0 : 1);
    }

    /// <summary>An alternative as a range: a lower bound (<c>&gt;=</c>, <c>&gt;</c>) and an upper one (<c>&lt;</c>, <c>&lt;=</c>), either open.</summary>
    private readonly record struct Range(VersionSpecifier? Lower, VersionSpecifier? Upper)
    {
        public static bool TryFrom(SpecifierSet set, out Range range)
        {
            range = default;
            VersionSpecifier? lower = null;
            VersionSpecifier? upper = null;
            foreach (var clause in set)
            {
                switch (clause.Operator)
                {
                    case SpecifierOperator.GreaterThanOrEqual or SpecifierOperator.GreaterThan when lower is null:
                        lower = clause;
                        break;
                    case SpecifierOperator.LessThan or SpecifierOperator.LessThanOrEqual when upper is null:
                        upper = clause;
                        break;
                    case SpecifierOperator.Equal when set.Count == 1 && !clause.IsPrefixMatch && clause.Version is { Local: null }:
                        lower = VersionSpecifier.Parse(">=" + clause.VersionText);
                        upper = VersionSpecifier.Parse("<=" + clause.VersionText);
                        break;
                    default:
                        return false;
                }
            }
            range = new Range(lower, upper);
            return true;
        }
    }
}
