using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// A binary form of a parsed document that is cheaper to read back than parsing the document again
/// (a project page of thousands of files), kept in the cache beside the document it came from.
/// </summary>
internal interface ICompactForm<T>
{
    /// <summary>Names the form in the cache (a new layout takes a new name).</summary>
    string Name { get; }

    byte[] Write(T value);

    /// <summary>The value, or false when <paramref name="bytes"/> are not a whole value of this form.</summary>
    bool TryRead(ReadOnlySpan<byte> bytes, [MaybeNullWhen(false)] out T value);
}
