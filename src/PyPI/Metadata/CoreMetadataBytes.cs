using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Metadata;

/// <summary>
/// A distribution's core metadata file as bytes (its PEP 658 <c>.metadata</c> document, or the
/// METADATA inside a wheel, which PEP 658 serves unchanged): checked against the digest the index
/// states for it, then parsed.
/// </summary>
internal static class CoreMetadataBytes
{
    /// <param name="shownAs">What a digest mismatch names (the document, or the wheel's member).</param>
    /// <exception cref="HashMismatchException">The bytes do not match the index's digest of the metadata.</exception>
    public static CoreMetadata Parse(ReadOnlySpan<byte> bytes, DistributionFile file, string shownAs)
    {
        if (file.CoreMetadataSha256 is { } expected)
        {
            var actual = Sha256Digest.Compute(bytes);
            if (!actual.Equals(expected))
            {
                throw new HashMismatchException(shownAs, $"sha256:{expected.ToHex()} (the index's digest)", $"sha256:{actual.ToHex()}");
            }
        }
        return CoreMetadataFile.Parse(Encoding.UTF8.GetString(bytes)).ToCoreMetadata();
    }
}
