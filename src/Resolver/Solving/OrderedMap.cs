using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// A dictionary that remembers insertion order, as Python's <c>dict</c> does: replacing a value keeps
/// its place, removing and adding again moves the key to the end, and <see cref="TryPopLast"/> takes
/// the newest entry. resolvelib's choices depend on these orders.
/// </summary>
/// <remarks>
/// The solver copies its maps every round (resolvelib's state stack), so they are two arrays: the
/// entries in order, and each key's position indexed by <see cref="IIndexedKey.Index"/>. A copy is
/// two array copies, a lookup an array read; no hashing.
/// </remarks>
internal sealed class OrderedMap<TKey, TValue>
    where TKey : class, IIndexedKey
{
    /// <summary>Position in <see cref="_entries"/> plus one, by key index; 0 for an absent key.</summary>
    private int[] _positions;
    private Entry[] _entries;
    private int _used;
    private int _count;

    public OrderedMap()
    {
        _positions = [];
        _entries = [];
    }

    private OrderedMap(OrderedMap<TKey, TValue> source)
    {
        _count = source._count;
        _entries = new Entry[source._count + 4];
        if (source._used == source._count)
        {
            _positions = (int[])source._positions.Clone();
            Array.Copy(source._entries, _entries, source._used);
            _used = source._used;
            return;
        }
        _positions = new int[source._positions.Length];
        for (var i = 0; i < source._used; i++)
        {
            if (source._entries[i].Alive)
            {
                _entries[_used] = source._entries[i];
                _positions[source._entries[i].Key.Index] = ++_used;
            }
        }
    }

    public int Count => _count;

    public TValue this[TKey key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not in the map");
        set
        {
            var position = PositionOf(key);
            if (position >= 0)
            {
                _entries[position] = new Entry(key, value, Alive: true);
                return;
            }
            if (_used == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(8, _entries.Length * 2));
            }
            if (key.Index >= _positions.Length)
            {
                Array.Resize(ref _positions, Math.Max(key.Index + 1, _positions.Length * 2));
            }
            _entries[_used] = new Entry(key, value, Alive: true);
            _positions[key.Index] = ++_used;
            _count++;
        }
    }

    public OrderedMap<TKey, TValue> Copy() => new(this);

    public bool ContainsKey(TKey key) => PositionOf(key) >= 0;

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var position = PositionOf(key);
        if (position >= 0)
        {
            value = _entries[position].Value;
            return true;
        }
        value = default;
        return false;
    }

    public bool Remove(TKey key)
    {
        var position = PositionOf(key);
        if (position < 0)
        {
            return false;
        }
        _entries[position] = default;
        _positions[key.Index] = 0;
        _count--;
        if (_used - _count > 32 && _used - _count > _used / 2)
        {
            Compact();
        }
        return true;
    }

    /// <summary>Removes and returns the newest entry; false when the map is empty.</summary>
    public bool TryPopLast(out TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        while (_used > 0)
        {
            var entry = _entries[--_used];
            _entries[_used] = default;
            if (entry.Alive)
            {
                _positions[entry.Key.Index] = 0;
                _count--;
                key = entry.Key;
                value = entry.Value;
                return true;
            }
        }
        key = default!;
        value = default;
        return false;
    }

    /// <summary>The entries, oldest first (the map must not change while they are enumerated).</summary>
    public EntryList Entries() => new(this);

    public IEnumerable<TKey> Keys()
    {
        foreach (var entry in Entries())
        {
            yield return entry.Key;
        }
    }

    private int PositionOf(TKey key)
    {
        var index = key.Index;
        return (uint)index < (uint)_positions.Length ? _positions[index] - 1 : -1;
    }

    private void Compact()
    {
        var alive = 0;
        for (var i = 0; i < _used; i++)
        {
            if (_entries[i].Alive)
            {
                _entries[alive] = _entries[i];
                _positions[_entries[i].Key.Index] = ++alive;
            }
        }
        Array.Clear(_entries, alive, _used - alive);
        _used = alive;
    }

    private readonly record struct Entry(TKey Key, TValue Value, bool Alive);

    /// <summary>The live entries in order; enumerated without allocating by <c>foreach</c>.</summary>
    public readonly struct EntryList(OrderedMap<TKey, TValue> map) : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        public Enumerator GetEnumerator() => new(map);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct Enumerator(OrderedMap<TKey, TValue> map) : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private int _next;

        public KeyValuePair<TKey, TValue> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (_next < map._used)
            {
                var entry = map._entries[_next++];
                if (entry.Alive)
                {
                    Current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                    return true;
                }
            }
            return false;
        }

        public void Reset() => _next = 0;

        public readonly void Dispose()
        {
        }
    }
}
