using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// The <c>--hash</c> pins that apply to a project (pip's <c>Hashes</c>): per algorithm, the allowed
/// digests. Combining two sets keeps what both allow; an empty set allows anything.
/// </summary>
internal sealed class HashPinSet
{
    private readonly Dictionary<string, HashSet<string>> _allowed;

    private HashPinSet(Dictionary<string, HashSet<string>> allowed)
    {
        _allowed = allowed;
    }

    public static HashPinSet Any { get; } = new([]);

    /// <summary>No pins: every file is allowed.</summary>
    public bool IsEmpty => _allowed.Count == 0;

    /// <summary>The allowed sha256 digests, or null when no sha256 pin exists (then no file is known to match).</summary>
    public IReadOnlySet<Sha256Digest> Sha256Digests()
    {
        var digests = new HashSet<Sha256Digest>();
        if (_allowed.TryGetValue(Sha256Digest.AlgorithmName, out var hexes))
        {
            foreach (var hex in hexes)
            {
                if (Sha256Digest.TryParseHex(hex, out var digest))
                {
                    digests.Add(digest);
                }
            }
        }
        return digests;
    }

    public static HashPinSet From(IEnumerable<HashPin> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var pin in pins)
        {
            if (!allowed.TryGetValue(pin.Algorithm, out var digests))
            {
                allowed[pin.Algorithm] = digests = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }
            digests.Add(pin.HexDigest);
        }
        return allowed.Count == 0 ? Any : new HashPinSet(allowed);
    }

    /// <summary>pip's <c>Hashes.__and__</c>: an empty side allows what the other does; else per algorithm the digests both allow.</summary>
    public HashPinSet And(HashPinSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }
        if (IsEmpty)
        {
            return other;
        }
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (algorithm, digests) in other._allowed)
        {
            if (_allowed.TryGetValue(algorithm, out var mine))
            {
                var both = new HashSet<string>(digests.Where(mine.Contains), StringComparer.OrdinalIgnoreCase);
                allowed[algorithm] = both;
            }
        }
        return new HashPinSet(allowed);
    }
}
