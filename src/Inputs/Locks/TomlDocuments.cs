using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// Reads a TOML input file into a reader's model, turning every <see cref="TomlException"/> (bad
/// TOML, or the model's own shape errors) into the reader's exception type, position kept.
/// </summary>
internal static class TomlDocuments
{
    public static T Read<T>(ReadOnlySpan<byte> utf8, string sourceName, Func<TomlTable, string, T> read, Func<TomlException, Exception> wrap)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            return read(TomlReader.Parse(utf8, sourceName), sourceName);
        }
        catch (TomlException error)
        {
            throw wrap(error);
        }
    }

    public static T Read<T>(string text, string sourceName, Func<TomlTable, string, T> read, Func<TomlException, Exception> wrap)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            return read(TomlReader.Parse(text, sourceName), sourceName);
        }
        catch (TomlException error)
        {
            throw wrap(error);
        }
    }

    /// <summary>The keys of <paramref name="table"/> that <paramref name="isKnown"/> does not claim, in file order.</summary>
    public static List<string> OtherKeys(TomlTable table, Func<string, bool> isKnown)
    {
        var others = new List<string>();
        foreach (var key in table.Keys)
        {
            if (!isKnown(key))
            {
                others.Add(key);
            }
        }
        return others;
    }
}
