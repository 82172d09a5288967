using Req2Nix.Packaging.Pep440;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Pep440;

/// <summary>
/// ordering.json: one case per element of <c>ascending</c> (less than every later one), per group of
/// <c>sorted_groups</c> (members equal, below every later group), and per pair of <c>equal_pairs</c>.
/// </summary>
public class Pep440OrderingConformanceTests
{
    private const string File = "ordering.json";

    public static TheoryData<int, string> Ascending =>
        Pep440Suite.Indexed(File, "ascending", e => Pep440Suite.Show(e.GetString()));

    public static TheoryData<int, string> SortedGroups =>
        Pep440Suite.Indexed(File, "sorted_groups", e => Pep440Suite.Show(e[0].GetString()));

    public static TheoryData<int, string> EqualPairs =>
        Pep440Suite.Indexed(
            File,
            "equal_pairs",
            e => Pep440Suite.Show(e.GetProperty("a").GetString()) + " == " + Pep440Suite.Show(e.GetProperty("b").GetString()));

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(Ascending))]
    public void Ascending_version_is_below_every_later_one(int index, string label)
    {
        var all = Pep440Suite.Strings(Pep440Suite.Root(File).GetProperty("ascending")).Select(Pep440Version.Parse).ToArray();
        var version = all[index];
        for (var later = index + 1; later < all.Length; later++)
        {
            var other = all[later];
            Assert.True(version < other, $"{label} < {other}");
            Assert.True(other > version, $"{other} > {label}");
            Assert.True(version != other, label);
            Assert.False(version.Equals(other), label);
            Assert.True(version.CompareTo(other) < 0 && other.CompareTo(version) > 0, label);
        }
    }

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(SortedGroups))]
    public void Sorted_group_members_are_equal_and_below_later_groups(int index, string label)
    {
        var groups = Pep440Suite.Root(File).GetProperty("sorted_groups").EnumerateArray()
            .Select(g => Pep440Suite.Strings(g).Select(Pep440Version.Parse).ToArray())
            .ToArray();
        var group = groups[index];
        foreach (var a in group)
        {
            foreach (var b in group)
            {
                Assert.True(a == b, $"{label}: {a} == {b}");
                Assert.Equal(0, a.CompareTo(b));
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        }
        foreach (var later in groups.Skip(index + 1))
        {
            foreach (var a in group)
            {
                foreach (var b in later)
                {
                    Assert.True(a < b, $"{a} < {b}");
                    Assert.True(b.CompareTo(a) > 0, $"{b} > {a}");
                }
            }
        }

        // Sorting a scrambled copy of everything puts this group's members at this group's place.
        var flat = groups.SelectMany(g => g).Reverse().ToList();
        flat.Sort();
        var before = groups.Take(index).Sum(g => g.Length);
        Assert.All(flat.Skip(before).Take(group.Length), v => Assert.Equal(group[0], v));
    }

    [ConformanceTheory(Pep440Suite.Folder)]
    [MemberData(nameof(EqualPairs))]
    public void Equal_pair_compares_and_hashes_equal(int index, string label)
    {
        var pair = Pep440Suite.Root(File).GetProperty("equal_pairs")[index];
        var a = Pep440Version.Parse(pair.GetProperty("a").GetString()!);
        var b = Pep440Version.Parse(pair.GetProperty("b").GetString()!);
        Assert.True(a == b, label);
        Assert.True(a.Equals(b) && b.Equals(a), label);
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a <= b && a >= b && !(a < b) && !(a > b), label);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
