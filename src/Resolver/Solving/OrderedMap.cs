using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// A dictionary that remembers insertion order, as Python's <c>dict</c> does: replacing a value keeps
/// its place, removing and adding again moves the key to the end, and <see cref="PopLast"/> takes the
/// newest entry. resolvelib's choices depend on these orders.
/// </summary>
internal sealed class OrderedMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _positions;
    private readonly List<Entry> _entries;
    private int _removed;

    public OrderedMap()
    {
        _positions = [];
        _entries = [];
    }

    private OrderedMap(OrderedMap<TKey, TValue> source)
    {
        _positions = new Dictionary<TKey, int>(source.Count);
        _entries = new List<Entry>(source.Count + 4);
        foreach (var entry in source._entries)
        {
            if (entry.Alive)
            {
                _positions.Add(entry.Key, _entries.Count);
                _entries.Add(entry);
            }
        }
    }

    public int Count => _positions.Count;

    public TValue this[TKey key]
    {
        get => _entries[_positions[key]].Value;
        set
        {
            if (_positions.TryGetValue(key, out var position))
            {
                _entries[position] = new Entry(key, value, Alive: true);
            }
            else
            {
                _positions.Add(key, _entries.Count);
                _entries.Add(new Entry(key, value, Alive: true));
            }
        }
    }

    public OrderedMap<TKey, TValue> Copy() => new(this);

    public bool ContainsKey(TKey key) => _positions.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_positions.TryGetValue(key, out var position))
        {
            value = _entries[position].Value;
            return true;
        }
        value = default;
        return false;
    }

    public bool Remove(TKey key)
    {
        if (!_positions.Remove(key, out var position))
        {
            return false;
        }
        _entries[position] = default;
        _removed++;
        if (_removed > 32 && _removed > _entries.Count / 2)
        {
            Compact();
        }
        return true;
    }

    /// <summary>Removes and returns the newest entry; false when the map is empty.</summary>
    public bool TryPopLast(out TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            var entry = _entries[i];
            _entries.RemoveAt(i);
            if (entry.Alive)
            {
                _positions.Remove(entry.Key);
                key = entry.Key;
                value = entry.Value;
                return true;
            }
            _removed--;
        }
        key = default!;
        value = default;
        return false;
    }

    /// <summary>The entries, oldest first.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries()
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (entry.Alive)
            {
                yield return new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
            }
        }
    }

    public IEnumerable<TKey> Keys()
    {
        foreach (var entry in Entries())
        {
            yield return entry.Key;
        }
    }

    private void Compact()
    {
        var alive = _entries.Where(entry => entry.Alive).ToList();
        _entries.Clear();
        _positions.Clear();
        foreach (var entry in alive)
        {
            _positions.Add(entry.Key, _entries.Count);
            _entries.Add(entry);
        }
        _removed = 0;
    }

    private readonly record struct Entry(TKey Key, TValue Value, bool Alive);
}
