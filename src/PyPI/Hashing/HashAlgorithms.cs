using System.Security.Cryptography;
using Req2Nix.Resolver;

namespace Req2Nix.PyPI.Hashing;

/// <summary>The hash algorithms a <c>--hash</c> pin may name that the client computes (pip's allowed set).</summary>
internal static class HashAlgorithms
{
    public static bool IsSupported(string algorithm) => algorithm is "sha256" or "sha384" or "sha512";

    /// <summary>The algorithms besides sha256 that <paramref name="pins"/> need.</summary>
    public static IReadOnlyList<string> ExtraFor(IReadOnlyCollection<HashPin> pins)
    {
        var extra = new List<string>(2);
        foreach (var pin in pins)
        {
            if (pin.Algorithm is "sha384" or "sha512" && !extra.Contains(pin.Algorithm))
            {
                extra.Add(pin.Algorithm);
            }
        }
        extra.Sort(StringComparer.Ordinal);
        return extra;
    }

    public static HashAlgorithmName NameOf(string algorithm) => algorithm switch
    {
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };
}
