using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver;

namespace Req2Nix.PyPI.Hashing;

/// <summary>
/// The digests of one file: always sha256, and sha384/sha512 when a <c>--hash</c> pin needed them
/// (lower-case hex, by algorithm name as pip writes it).
/// </summary>
internal sealed class DigestSet
{
    public DigestSet(Sha256Digest sha256, IReadOnlyDictionary<string, string>? others = null)
    {
        Sha256 = sha256;
        Others = others ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    public Sha256Digest Sha256 { get; }

    public IReadOnlyDictionary<string, string> Others { get; }

    /// <summary>The hex digest for <paramref name="algorithm"/>, or null when it was not computed.</summary>
    public string? Hex(string algorithm) =>
        algorithm == Sha256Digest.AlgorithmName ? Sha256.ToHex() : Others.GetValueOrDefault(algorithm);

    /// <summary>pip's rule: with pins, the file must match one of them (in an algorithm that was computed).</summary>
    public bool MatchesAny(IReadOnlyCollection<HashPin> pins)
    {
        foreach (var pin in pins)
        {
            if (Hex(pin.Algorithm) is { } hex && hex.Equals(pin.HexDigest, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when every algorithm of <paramref name="pins"/> that can be computed was.</summary>
    public bool Covers(IReadOnlyCollection<HashPin> pins)
    {
        foreach (var pin in pins)
        {
            if (HashAlgorithms.IsSupported(pin.Algorithm) && Hex(pin.Algorithm) is null)
            {
                return false;
            }
        }
        return true;
    }
}
