namespace Req2Nix.Emit.Packages;

/// <summary>
/// A stable sort (<see cref="Array.Sort{T}(T[], Comparison{T})"/> is not one): the output's order
/// must not depend on the sorting algorithm. Over reference types and plain positions, so that no
/// generic code over req2nix's value types has to be compiled at run time.
/// </summary>
internal static class StableOrder
{
    /// <summary>The items in <paramref name="comparison"/>'s order; those it finds equal keep the order they had.</summary>
    public static T[] Sorted<T>(IReadOnlyList<T> items, Comparison<T> comparison)
        where T : class
    {
        var positions = new int[items.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }
        Array.Sort(positions, (a, b) =>
        {
            var order = comparison(items[a], items[b]);
            return order != 0 ? order : a.CompareTo(b);
        });
        var sorted = new T[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            sorted[i] = items[positions[i]];
        }
        return sorted;
    }
}
