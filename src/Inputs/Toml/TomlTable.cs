using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// A table: keys in the order they were written, each with its position and value. The typed
/// accessors (<see cref="GetString"/>, <see cref="GetOptionalTable"/>, …) throw a
/// <see cref="TomlException"/> that names the key and points at the offending value, or at the
/// table when a required key is missing.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "TOML calls it a table.")]
public sealed class TomlTable : TomlValue, IReadOnlyCollection<TomlEntry>
{
    /// <summary>Up to this many keys a linear search beats hashing; beyond it an index is kept.</summary>
    private const int LinearSearchLimit = 16;

    private TomlEntry[] _entries;
    private int _count;
    private Dictionary<string, int>? _index;

    internal TomlTable(TomlPosition position, TomlTableOrigin origin)
        : base(position)
    {
        Origin = origin;
        _entries = origin == TomlTableOrigin.Inline ? new TomlEntry[2] : new TomlEntry[4];
    }

    public override TomlValueKind Kind => TomlValueKind.Table;

    /// <summary>True for a table written as <c>{ … }</c>.</summary>
    public bool IsInline => Origin == TomlTableOrigin.Inline;

    public override string Description => IsInline ? "an inline table" : "a table";

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _entries[i].Key;
            }
        }
    }

    /// <summary>The value of a key that must be present.</summary>
    public TomlValue this[string key] => GetValue(key);

    internal TomlTableOrigin Origin { get; set; }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlValue value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    /// <summary>The entry of a key, with the key's own position.</summary>
    public bool TryGetEntry(string key, out TomlEntry entry)
    {
        var index = IndexOf(key);
        entry = index >= 0 ? _entries[index] : default;
        return index >= 0;
    }

    /// <summary>The value of a key that must be present; a positioned error names the missing key.</summary>
    public TomlValue GetValue(string key) =>
        TryGetValue(key, out var value) ? value : throw CreateError($"missing required key '{key}'");

    /// <summary>The value of a required key as a <typeparamref name="T"/>.</summary>
    public T Get<T>(string key)
        where T : TomlValue => TomlTypeCheck.Expect<T>(GetValue(key), key, isItem: false);

    /// <summary>The value of an optional key as a <typeparamref name="T"/>, or null when absent.</summary>
    public T? GetOptional<T>(string key)
        where T : TomlValue => TryGetValue(key, out var value) ? TomlTypeCheck.Expect<T>(value, key, isItem: false) : null;

    public string GetString(string key) => Get<TomlString>(key).Value;

    public string? GetOptionalString(string key) => GetOptional<TomlString>(key)?.Value;

    public long GetInteger(string key) => Get<TomlInteger>(key).Value;

    public long? GetOptionalInteger(string key) => GetOptional<TomlInteger>(key)?.Value;

    public double GetFloat(string key) => Get<TomlFloat>(key).Value;

    public double? GetOptionalFloat(string key) => GetOptional<TomlFloat>(key)?.Value;

    public bool GetBoolean(string key) => Get<TomlBoolean>(key).Value;

    public bool? GetOptionalBoolean(string key) => GetOptional<TomlBoolean>(key)?.Value;

    public TomlDateTime GetDateTime(string key) => Get<TomlDateTime>(key);

    public TomlDateTime? GetOptionalDateTime(string key) => GetOptional<TomlDateTime>(key);

    public TomlTable GetTable(string key) => Get<TomlTable>(key);

    public TomlTable? GetOptionalTable(string key) => GetOptional<TomlTable>(key);

    public TomlArray GetArray(string key) => Get<TomlArray>(key);

    public TomlArray? GetOptionalArray(string key) => GetOptional<TomlArray>(key);

    /// <summary>A required array whose items must all be tables (<c>[[package]]</c> or <c>[{…}, …]</c>).</summary>
    public IReadOnlyList<TomlTable> GetTableArray(string key) => GetArray(key).AsListOf<TomlTable>(key);

    public IReadOnlyList<TomlTable>? GetOptionalTableArray(string key) =>
        GetOptionalArray(key)?.AsListOf<TomlTable>(key);

    /// <summary>A required array whose items must all be strings.</summary>
    public IReadOnlyList<string> GetStringArray(string key) => GetArray(key).AsStrings(key);

    public IReadOnlyList<string>? GetOptionalStringArray(string key) => GetOptionalArray(key)?.AsStrings(key);

    public ArraySegment<TomlEntry>.Enumerator GetEnumerator() => new ArraySegment<TomlEntry>(_entries, 0, _count).GetEnumerator();

    IEnumerator<TomlEntry> IEnumerable<TomlEntry>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds a key the caller has checked is absent.</summary>
    internal void Add(string key, TomlPosition keyPosition, TomlValue value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }
        _entries[_count] = new TomlEntry(key, keyPosition, value);
        if (_index is not null)
        {
            _index.Add(key, _count);
        }
        else if (_count == LinearSearchLimit)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i <= _count; i++)
            {
                _index.Add(_entries[i].Key, i);
            }
        }
        _count++;
    }

    internal TomlEntry EntryAt(int index) => _entries[index];

    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key))
            {
                return i;
            }
        }
        return -1;
    }
}
