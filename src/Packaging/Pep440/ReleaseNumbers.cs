using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Req2Nix.Packaging.Pep440;

/// <summary>Room for the release numbers of nearly every real version, stored inside the version object.</summary>
[InlineArray(ShortLength)]
internal struct ShortRelease
{
    public const int ShortLength = 4;

    private ulong _element;
}

/// <summary>Collects release numbers while parsing: the first four inline, the rest (rare) in a list.</summary>
internal ref struct ReleaseBuilder
{
    private ShortRelease _first;
    private List<ulong>? _more;

    public int Count { get; private set; }

    public void Add(ulong number)
    {
        if (Count < ShortRelease.ShortLength)
        {
            _first[Count] = number;
        }
        else
        {
            (_more ??= []).Add(number);
        }
        Count++;
    }

    /// <summary>The numbers; valid while this builder is.</summary>
    [UnscopedRef]
    public ReadOnlySpan<ulong> AsSpan()
    {
        if (_more is null)
        {
            return ((ReadOnlySpan<ulong>)_first)[..Count];
        }
        var all = new ulong[Count];
        ((ReadOnlySpan<ulong>)_first).CopyTo(all);
        _more.CopyTo(all, ShortRelease.ShortLength);
        return all;
    }
}
