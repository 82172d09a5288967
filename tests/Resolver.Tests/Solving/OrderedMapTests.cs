using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Solving;

namespace Req2Nix.Resolver.Tests.Solving;

/// <summary>The solver's insertion-ordered map keeps Python's dict order, which resolvelib's choices depend on.</summary>
public sealed class OrderedMapTests
{
    private readonly IdentifierTable _identifiers = new();

    private Identifier Key(string name) => _identifiers.For(PackageName.Parse(name));

    private static string Order(OrderedMap<Identifier, int> map) => string.Join(' ', map.Entries().Select(entry => $"{entry.Key}={entry.Value}"));

    [Fact]
    public void Replacing_keeps_the_place_removing_and_adding_again_moves_to_the_end()
    {
        var map = new OrderedMap<Identifier, int>();
        map[Key("a")] = 1;
        map[Key("b")] = 2;
        map[Key("c")] = 3;

        map[Key("a")] = 10;
        Assert.True(map.Remove(Key("b")));
        Assert.False(map.Remove(Key("b")));
        map[Key("b")] = 20;

        Assert.Equal("a=10 c=3 b=20", Order(map));
        Assert.Equal(3, map.Count);
        Assert.True(map.ContainsKey(Key("c")));
        Assert.False(map.ContainsKey(Key("d")));
        Assert.False(map.TryGetValue(Key("d"), out _));
        Assert.Throws<KeyNotFoundException>(() => map[Key("d")]);
    }

    [Fact]
    public void Pop_last_takes_the_newest_live_entry()
    {
        var map = new OrderedMap<Identifier, int>();
        map[Key("a")] = 1;
        map[Key("b")] = 2;
        map[Key("c")] = 3;
        map.Remove(Key("c"));

        Assert.True(map.TryPopLast(out var key, out var value));
        Assert.Equal((Key("b"), 2), (key, value));
        Assert.True(map.TryPopLast(out key, out _));
        Assert.Same(Key("a"), key);
        Assert.False(map.TryPopLast(out _, out _));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void A_copy_is_independent_and_keeps_the_order_after_many_removals()
    {
        var map = new OrderedMap<Identifier, int>();
        for (var i = 0; i < 100; i++)
        {
            map[Key($"p{i}")] = i;
        }
        for (var i = 0; i < 100; i += 2)
        {
            map.Remove(Key($"p{i}"));
        }
        var expected = string.Join(' ', Enumerable.Range(0, 100).Where(i => i % 2 == 1).Select(i => $"p{i}={i}"));

        var copy = map.Copy();
        copy[Key("p1")] = -1;
        copy.Remove(Key("p3"));
        copy[Key("late")] = 7;

        Assert.Equal(expected, Order(map));
        Assert.Equal(50, map.Count);
        Assert.StartsWith("p1=-1 p5=5", Order(copy), StringComparison.Ordinal);
        Assert.EndsWith("p99=99 late=7", Order(copy), StringComparison.Ordinal);
        Assert.Equal(50, copy.Count);
    }

    [Fact]
    public void Removing_most_entries_compacts_without_losing_order_or_lookups()
    {
        var map = new OrderedMap<Identifier, int>();
        for (var i = 0; i < 120; i++)
        {
            map[Key($"p{i}")] = i;
        }
        for (var i = 0; i < 120; i++)
        {
            if (i % 3 != 0)
            {
                map.Remove(Key($"p{i}"));
            }
        }
        map[Key("p1")] = 1;

        Assert.Equal(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"p{i * 3}={i * 3}").Append("p1=1")), Order(map));
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(i * 3, map[Key($"p{i * 3}")]));
        Assert.True(map.TryPopLast(out var last, out _));
        Assert.Same(Key("p1"), last);
    }
}
