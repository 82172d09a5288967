namespace Req2Nix.Inputs.Toml;

/// <summary>A key of a table with where it was written, and its value.</summary>
public readonly record struct TomlEntry(string Key, TomlPosition KeyPosition, TomlValue Value)
{
    /// <summary>Lets <c>foreach (var (key, value) in table)</c> read naturally.</summary>
    public void Deconstruct(out string key, out TomlValue value)
    {
        key = Key;
        value = Value;
    }
}
