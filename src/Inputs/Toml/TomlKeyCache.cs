using System.Text;

namespace Req2Nix.Inputs.Toml;

/// <summary>
/// Hands out one string per distinct short bare key, so that the thousands of <c>name</c>,
/// <c>version</c>, <c>file</c> and <c>hash</c> keys of a lock file do not each allocate. A small
/// direct-mapped cache: a slot holds the last key that hashed to it.
/// </summary>
internal sealed class TomlKeyCache
{
    private const int SlotCount = 256;
    private const int LongestCachedKey = 32;

    private readonly string?[] _slots = new string?[SlotCount];

    /// <param name="bareKey">ASCII letters, digits, <c>-</c> and <c>_</c>.</param>
    public string Get(ReadOnlySpan<byte> bareKey)
    {
        if (bareKey.Length > LongestCachedKey)
        {
            return Encoding.ASCII.GetString(bareKey);
        }
        var slot = Slot(bareKey);
        var cached = _slots[slot];
        if (cached is not null && Ascii.Equals(bareKey, cached))
        {
            return cached;
        }
        var key = Encoding.ASCII.GetString(bareKey);
        _slots[slot] = key;
        return key;
    }

    private static int Slot(ReadOnlySpan<byte> key)
    {
        var hash = (uint)key.Length;
        foreach (var b in key)
        {
            hash = (hash * 31) + b;
        }
        return (int)(hash % SlotCount);
    }
}
