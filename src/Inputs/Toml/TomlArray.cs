using System.Collections;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// An array: a static one (<c>[1, 2]</c>, items of any kinds) or an array of tables made by
/// <c>[[header]]</c> sections.
/// </summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private TomlValue[] _items = [];
    private int _count;

    internal TomlArray(TomlPosition position, bool isArrayOfTables)
        : base(position) => IsArrayOfTables = isArrayOfTables;

    public override TomlValueKind Kind => TomlValueKind.Array;

    /// <summary>True for an array made by <c>[[header]]</c> sections, which later sections may extend.</summary>
    public bool IsArrayOfTables { get; }

    public override string Description => IsArrayOfTables ? "an array of tables" : "an array";

    public int Count => _count;

    public TomlValue this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The item at <paramref name="index"/> as a <typeparamref name="T"/>, or a positioned error.</summary>
    public T Get<T>(int index)
        where T : TomlValue => TomlTypeCheck.Expect<T>(this[index], key: null, isItem: true);

    public string GetString(int index) => Get<TomlString>(index).Value;

    public TomlTable GetTable(int index) => Get<TomlTable>(index);

    /// <summary>Every item as a <typeparamref name="T"/>; a positioned error at the first item of another type.</summary>
    public IReadOnlyList<T> AsListOf<T>()
        where T : TomlValue => AsListOf<T>(key: null);

    /// <summary>Every item as a string; a positioned error at the first item that is not one.</summary>
    public IReadOnlyList<string> AsStrings() => AsStrings(key: null);

    public ArraySegment<TomlValue>.Enumerator GetEnumerator() => new ArraySegment<TomlValue>(_items, 0, _count).GetEnumerator();

    IEnumerator<TomlValue> IEnumerable<TomlValue>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal IReadOnlyList<T> AsListOf<T>(string? key)
        where T : TomlValue
    {
        var result = new T[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = TomlTypeCheck.Expect<T>(_items[i], key, isItem: true);
        }
        return result;
    }

    internal IReadOnlyList<string> AsStrings(string? key)
    {
        var result = new string[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = TomlTypeCheck.Expect<TomlString>(_items[i], key, isItem: true).Value;
        }
        return result;
    }

    internal void Add(TomlValue item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count == 0 ? 4 : _count * 2);
        }
        _items[_count++] = item;
    }

    internal TomlValue Last => _items[_count - 1];
}
