namespace Req2Nix.Packaging.Text;

/// <summary>
/// A set of ASCII characters as a 128-bit map, searched one character at a time in short texts.
/// Not <c>SearchValues</c>: creating one runs generic code that the ReadyToRun image does not hold,
/// so the first one made in a process compiles it, on the path of the start-up's first parse (the
/// marker literals' set was the first). Most texts searched here (names, marker literals, Nix
/// strings) are short; a long one (a requirements line's <c>--hash</c> word, a digest) is searched
/// by the span methods that take the members as a span, vectorized without a SearchValues object.
/// </summary>
public sealed class AsciiSet
{
    /// <summary>From this length on, a vectorized search repays building its lookup per call.</summary>
    private const int VectorizedFrom = 32;

    private readonly ulong _low;
    private readonly ulong _high;
    private readonly string _members;

    /// <exception cref="ArgumentException">A character is not ASCII.</exception>
    public AsciiSet(string characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        foreach (var c in characters)
        {
            if (c < 64)
            {
                _low |= 1UL << c;
            }
            else if (c < 128)
            {
                _high |= 1UL << (c - 64);
            }
            else
            {
                throw new ArgumentException($"'{c}' (U+{(int)c:X4}) is not an ASCII character", nameof(characters));
            }
        }
        // As given: a repeated member changes nothing for the span methods.
        _members = characters;
    }

    public bool Contains(char c) => c < 64 ? ((_low >> c) & 1) != 0 : c < 128 && ((_high >> (c - 64)) & 1) != 0;

    /// <summary>The index of the first character in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        if (text.Length >= VectorizedFrom)
        {
            return text.IndexOfAny(_members);
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (Contains(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The index of the first character not in the set, or -1.</summary>
    public int IndexOfAnyExcept(ReadOnlySpan<char> text)
    {
        if (text.Length >= VectorizedFrom)
        {
            return text.IndexOfAnyExcept(_members);
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (!Contains(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public bool ContainsAnyExcept(ReadOnlySpan<char> text) => IndexOfAnyExcept(text) >= 0;
}
