using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Req2Nix.Packaging.Pep440;

/// <summary>
/// A PEP 440 version: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, parsed from any of the
/// spellings PEP 440 normalizes (case, a leading <c>v</c>, <c>.</c>/<c>-</c>/<c>_</c> separators,
/// implicit numbers, <c>alpha</c>/<c>beta</c>/<c>c</c>/<c>pre</c>/<c>preview</c>/<c>rev</c>/<c>r</c>,
/// implicit post releases such as <c>1.0-1</c>, surrounding whitespace). Ordering, equality and
/// <see cref="ToString"/> are those of pypa/packaging 26.3's <c>Version</c>.
/// </summary>
/// <remarks>
/// Numbers in the epoch, release, pre, post and dev segments are limited to <see cref="ulong.MaxValue"/>:
/// larger ones (which PEP 440 allows and Python parses) are rejected by <see cref="TryParse(string?, out Pep440Version?)"/>.
/// Numeric parts of local labels are unbounded.
/// </remarks>
public sealed class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>, IComparable, ISpanFormattable
{
    // Sort rank of the pre-release part, as packaging's _cmpkey: a dev release without pre or post
    // sorts before every pre-release, a release without pre after rc.
    private const byte DevOnlyRank = 0;
    private const byte FinalRank = 4;

    // Packed ordering keys, valid when _isPacked: epoch 0, at most four significant release numbers
    // below 2^16 (16 bits each, zero-padded) and pre/post/dev numbers below 2^16. They order exactly
    // as the full comparison, which nearly every real version can then skip.
    // Release key: the first four numbers, 16 bits each, most significant first.
    // Suffix key, high to low: pre rank (3 bits) | pre number | has post (1) | post number | no dev (1) | dev number.
    private const int PackedBits = 16;
    private const int PackedReleaseSlots = 64 / PackedBits;
    private const ulong PackedLimit = 1UL << PackedBits;
    private const int DevNumberShift = 0;
    private const int NoDevShift = DevNumberShift + PackedBits;
    private const int PostNumberShift = NoDevShift + 1;
    private const int HasPostShift = PostNumberShift + PackedBits;
    private const int PreNumberShift = HasPostShift + 1;
    private const int PreRankShift = PreNumberShift + PackedBits;

    private readonly ulong _epoch;
    private readonly ShortRelease _shortRelease;
    private readonly ulong[]? _longRelease;
    private readonly int _releaseLength;
    private readonly int _significantLength;
    private readonly bool _isPacked;
    private readonly ulong _releaseKey;
    private readonly ulong _suffixKey;
    private readonly byte _preKind;
    private readonly byte _preRank;
    private readonly bool _hasPost;
    private readonly bool _hasDev;
    private readonly ulong _preNumber;
    private readonly ulong _postNumber;
    private readonly ulong _devNumber;
    private readonly string? _local;
    private string? _text;

    /// <summary>A final release without epoch or local label, such as <c>1.2.3</c>.</summary>
    internal Pep440Version(ReadOnlySpan<ulong> release)
        : this(0, release, null, null, null, null)
    {
    }

    internal Pep440Version(
        ulong epoch,
        ReadOnlySpan<ulong> release,
        PreRelease? pre,
        ulong? post,
        ulong? dev,
        string? local)
    {
        _epoch = epoch;
        _releaseLength = release.Length;
        if (release.Length <= ShortRelease.ShortLength)
        {
            var inline = default(ShortRelease);
            release.CopyTo(inline);
            _shortRelease = inline;
        }
        else
        {
            _longRelease = release.ToArray();
        }
        var significant = release.Length;
        while (significant > 0 && release[significant - 1] == 0)
        {
            significant--;
        }
        _significantLength = significant;
        if (pre is { } p)
        {
            _preKind = (byte)p.Kind;
            _preNumber = p.Number;
        }
        _hasPost = post.HasValue;
        _postNumber = post.GetValueOrDefault();
        _hasDev = dev.HasValue;
        _devNumber = dev.GetValueOrDefault();
        _preRank = _preKind != 0 ? _preKind : (!_hasPost && _hasDev ? DevOnlyRank : FinalRank);
        _local = local;

        _isPacked = epoch == 0 && significant <= PackedReleaseSlots
            && _preNumber < PackedLimit && _postNumber < PackedLimit && _devNumber < PackedLimit;
        for (var i = 0; i < significant && _isPacked; i++)
        {
            _isPacked = release[i] < PackedLimit;
            _releaseKey |= release[i] << (PackedBits * (PackedReleaseSlots - 1 - i));
        }
        _suffixKey = ((ulong)_preRank << PreRankShift) | (_preNumber << PreNumberShift)
            | ((_hasPost ? 1UL : 0) << HasPostShift) | (_postNumber << PostNumberShift)
            | ((_hasDev ? 0UL : 1) << NoDevShift) | (_devNumber << DevNumberShift);
    }

    public ulong Epoch => _epoch;

    /// <summary>The release numbers as written (trailing zeros kept: <c>1.0.0</c> has three).</summary>
    public ReadOnlySpan<ulong> Release => _longRelease ?? ((ReadOnlySpan<ulong>)_shortRelease)[.._releaseLength];

    public PreRelease? Pre => _preKind == 0 ? null : new PreRelease((PreReleaseKind)_preKind, _preNumber);

    public ulong? Post => _hasPost ? _postNumber : null;

    public ulong? Dev => _hasDev ? _devNumber : null;

    /// <summary>The normalized local label (lower case, <c>.</c>-separated, numbers without leading zeros), e.g. <c>ubuntu.1</c>.</summary>
    public string? Local => _local;

    /// <summary>A pre-release or a development release (packaging's <c>is_prerelease</c>).</summary>
    public bool IsPreRelease => _preKind != 0 || _hasDev;

    public bool IsPostRelease => _hasPost;

    public bool IsDevRelease => _hasDev;

    /// <summary>This version without its local label.</summary>
    public Pep440Version Public => _local is null ? this : new Pep440Version(_epoch, Release, Pre, Post, Dev, null);

    /// <summary><c>[N!]release</c>: this version without pre, post, dev and local parts.</summary>
    public Pep440Version BaseVersion =>
        _preKind == 0 && !_hasPost && !_hasDev && _local is null ? this : new Pep440Version(_epoch, Release, null, null, null, null);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="Pep440FormatException"/> with the offending column.</summary>
    public static Pep440Version Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (VersionParser.TryParse(text, out var version, out var error))
        {
            return version;
        }
        throw new Pep440FormatException("version", text, error.Offset, error.Describe(text));
    }

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Pep440Version? version)
    {
        if (text is null)
        {
            version = null;
            return false;
        }
        return VersionParser.TryParse(text, out version, out _);
    }

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out Pep440Version? version) =>
        VersionParser.TryParse(text, out version, out _);

    /// <summary>The parsed version, or null when <paramref name="text"/> is not PEP 440.</summary>
    internal static Pep440Version? ParseOrNull(ReadOnlySpan<char> text) =>
        VersionParser.TryParse(text, out var version, out _) ? version : null;

    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (ReferenceEquals(this, other))
        {
            return 0;
        }
        var order = ComparePublic(other);
        return order != 0 || (_local is null && other._local is null) ? order : LocalLabel.Compare(_local, other._local);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Pep440Version other => CompareTo(other),
        _ => throw new ArgumentException($"expected a {nameof(Pep440Version)}", nameof(obj)),
    };

    public bool Equals(Pep440Version? other) =>
        other is not null && (ReferenceEquals(this, other) || (EqualsPublic(other) && string.Equals(_local, other._local, StringComparison.Ordinal)));

    public override bool Equals(object? obj) => obj is Pep440Version other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_epoch);
        foreach (var number in SignificantRelease)
        {
            hash.Add(number);
        }
        hash.Add(_preRank);
        hash.Add(_preNumber);
        hash.Add(_hasPost);
        hash.Add(_postNumber);
        hash.Add(_hasDev);
        hash.Add(_devNumber);
        hash.Add(_local, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>The normalized form, <c>str(Version)</c> of packaging: <c>1!2.0rc1.post3.dev4+ubuntu.2</c>.</summary>
    public override string ToString() => _text ??= Format();

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (_text is not null)
        {
            var copied = _text.TryCopyTo(destination);
            charsWritten = copied ? _text.Length : 0;
            return copied;
        }
        return TryFormat(destination, out charsWritten, _releaseLength);
    }

    /// <summary>The normalized form with trailing zeros dropped from the release (keeping one number): packaging's canonicalize_version.</summary>
    internal string ToStringWithoutTrailingZeros()
    {
        var length = Math.Max(1, _significantLength);
        if (length == _releaseLength)
        {
            return ToString();
        }
        Span<char> buffer = stackalloc char[128];
        if (TryFormat(buffer, out var written, length))
        {
            return new string(buffer[..written]);
        }
        var large = new char[MaximumLength()];
        TryFormat(large, out written, length);
        return new string(large, 0, written);
    }

    private bool TryFormat(Span<char> destination, out int charsWritten, int releaseLength)
    {
        var writer = new SpanWriter(destination);
        if (_epoch != 0)
        {
            writer.Write(_epoch);
            writer.Write('!');
        }
        WriteRelease(ref writer, releaseLength);
        if (_preKind != 0)
        {
            writer.Write(_preKind switch { 1 => "a", 2 => "b", _ => "rc" });
            writer.Write(_preNumber);
        }
        if (_hasPost)
        {
            writer.Write(".post");
            writer.Write(_postNumber);
        }
        if (_hasDev)
        {
            writer.Write(".dev");
            writer.Write(_devNumber);
        }
        if (_local is not null)
        {
            writer.Write('+');
            writer.Write(_local);
        }
        charsWritten = writer.Overflowed ? 0 : writer.Written;
        return !writer.Overflowed;
    }

    public static int Compare(Pep440Version? left, Pep440Version? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    public static bool operator ==(Pep440Version? left, Pep440Version? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Pep440Version? left, Pep440Version? right) => !(left == right);

    public static bool operator <(Pep440Version? left, Pep440Version? right) => Compare(left, right) < 0;

    public static bool operator <=(Pep440Version? left, Pep440Version? right) => Compare(left, right) <= 0;

    public static bool operator >(Pep440Version? left, Pep440Version? right) => Compare(left, right) > 0;

    public static bool operator >=(Pep440Version? left, Pep440Version? right) => Compare(left, right) >= 0;

    internal bool HasLocal => _local is not null;

    /// <summary>Order ignoring both local labels.</summary>
    internal int ComparePublic(Pep440Version other)
    {
        if (_isPacked & other._isPacked)
        {
            if (_releaseKey != other._releaseKey)
            {
                return _releaseKey < other._releaseKey ? -1 : 1;
            }
            return _suffixKey == other._suffixKey ? 0 : (_suffixKey < other._suffixKey ? -1 : 1);
        }
        if (_epoch != other._epoch)
        {
            return _epoch < other._epoch ? -1 : 1;
        }
        var order = CompareRelease(other);
        if (order != 0)
        {
            return order;
        }
        if (_preRank != other._preRank)
        {
            return _preRank < other._preRank ? -1 : 1;
        }
        if (_preNumber != other._preNumber)
        {
            return _preNumber < other._preNumber ? -1 : 1;
        }
        if (_hasPost != other._hasPost)
        {
            return _hasPost ? 1 : -1;
        }
        if (_postNumber != other._postNumber)
        {
            return _postNumber < other._postNumber ? -1 : 1;
        }
        if (_hasDev != other._hasDev)
        {
            return _hasDev ? -1 : 1;
        }
        if (_devNumber != other._devNumber)
        {
            return _devNumber < other._devNumber ? -1 : 1;
        }
        return 0;
    }

    /// <summary>Equality ignoring both local labels.</summary>
    internal bool EqualsPublic(Pep440Version other) =>
        _isPacked & other._isPacked
            ? _releaseKey == other._releaseKey && _suffixKey == other._suffixKey
            : EqualsPublicUnpacked(other);

    private bool EqualsPublicUnpacked(Pep440Version other) =>
        _epoch == other._epoch
        && _preRank == other._preRank
        && _preNumber == other._preNumber
        && _hasPost == other._hasPost
        && _postNumber == other._postNumber
        && _hasDev == other._hasDev
        && _devNumber == other._devNumber
        && SignificantRelease.SequenceEqual(other.SignificantRelease);

    /// <summary>Same epoch, release (ignoring trailing zeros) and pre-release: <c>1.0</c>, <c>1.0+x</c>, <c>1.0.post2</c>.</summary>
    internal bool SharesPostFamily(Pep440Version other) =>
        _preKind == other._preKind
        && _preNumber == other._preNumber
        && (_isPacked & other._isPacked
            ? _releaseKey == other._releaseKey
            : _epoch == other._epoch && SignificantRelease.SequenceEqual(other.SignificantRelease));

    /// <summary>Whether this version's epoch is <paramref name="epoch"/> and its release, padded with zeros, starts with <paramref name="prefix"/>.</summary>
    internal bool MatchesReleasePrefix(ulong epoch, ReadOnlySpan<ulong> prefix)
    {
        if (_epoch != epoch)
        {
            return false;
        }
        var release = Release;
        for (var i = 0; i < prefix.Length; i++)
        {
            var component = i < release.Length ? release[i] : 0;
            if (component != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>This version's <c>.dev0</c>: the earliest pre-release of it (used by <c>&lt;V</c>).</summary>
    internal Pep440Version WithDevZero() => new(_epoch, Release, Pre, Post, 0, null);

    private ReadOnlySpan<ulong> SignificantRelease => Release[.._significantLength];

    private int CompareRelease(Pep440Version other)
    {
        var mine = SignificantRelease;
        var theirs = other.SignificantRelease;
        var common = Math.Min(mine.Length, theirs.Length);
        for (var i = 0; i < common; i++)
        {
            if (mine[i] != theirs[i])
            {
                return mine[i] < theirs[i] ? -1 : 1;
            }
        }
        return mine.Length.CompareTo(theirs.Length);
    }

    private string Format()
    {
        Span<char> buffer = stackalloc char[128];
        if (TryFormat(buffer, out var written))
        {
            return new string(buffer[..written]);
        }
        var large = new char[MaximumLength()];
        TryFormat(large, out written);
        return new string(large, 0, written);
    }

    private int MaximumLength() => 24 + (_releaseLength * 21) + 80 + (_local?.Length ?? 0);

    private void WriteRelease(ref SpanWriter writer, int length)
    {
        var release = Release;
        for (var i = 0; i < length; i++)
        {
            if (i > 0)
            {
                writer.Write('.');
            }
            writer.Write(release[i]);
        }
    }

    /// <summary>Writes into a span and remembers, instead of throwing, when it ran out of room.</summary>
    private ref struct SpanWriter(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;

        public int Written { get; private set; }

        public bool Overflowed { get; private set; }

        public void Write(char c)
        {
            if (Written < _destination.Length)
            {
                _destination[Written++] = c;
            }
            else
            {
                Overflowed = true;
            }
        }

        public void Write(string text)
        {
            if (text.TryCopyTo(_destination[Written..]))
            {
                Written += text.Length;
            }
            else
            {
                Overflowed = true;
            }
        }

        public void Write(ulong number)
        {
            if (number.TryFormat(_destination[Written..], out var written, default, CultureInfo.InvariantCulture))
            {
                Written += written;
            }
            else
            {
                Overflowed = true;
            }
        }
    }
}
