using System.Collections.Concurrent;

namespace Req2Nix.Packaging.Distributions;

/// <summary>
/// The lower-case tags of a compressed tag set (<c>py2.py3</c>, <c>none</c>,
/// <c>manylinux_2_17_x86_64</c>), shared by every wheel filename that spells the set alike. A
/// project's listing holds thousands of wheels and a few dozen distinct sets, so reading it makes
/// no string nor array per tag set. The arrays are never written once made.
/// </summary>
internal static class WheelTagSets
{
    /// <summary>Past this many distinct spellings, sets are made per file: no listing grows the table without bound.</summary>
    private const int MaxShared = 4096;

    private static readonly ConcurrentDictionary<string, string[]> Shared = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> SharedBySpelling =
        Shared.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _sharedCount;

    /// <param name="text">A tag set already checked: tags of ASCII letters, digits and <c>_</c>, none empty, between dots.</param>
    public static string[] Of(ReadOnlySpan<char> text)
    {
        if (SharedBySpelling.TryGetValue(text, out var shared))
        {
            return shared;
        }
        var tags = Split(text);
        if (Volatile.Read(ref _sharedCount) < MaxShared && SharedBySpelling.TryAdd(text, tags))
        {
            Interlocked.Increment(ref _sharedCount);
        }
        return tags;
    }

    private static string[] Split(ReadOnlySpan<char> text)
    {
        var tags = new string[text.Count('.') + 1];
        var index = 0;
        foreach (var range in text.Split('.'))
        {
            // Made once per spelling, so the simplest form: the tag's text, lower-cased.
            tags[index++] = text[range].ToString().ToLowerInvariant();
        }
        return tags;
    }
}
