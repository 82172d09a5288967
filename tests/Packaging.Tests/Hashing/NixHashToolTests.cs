using Req2Nix.Packaging.Hashing;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Packaging.Tests.Hashing;

/// <summary>Checks the encodings against the Nix installed on this machine, on fresh digests.</summary>
public class NixHashToolTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [NixTheory("nix-hash")]
    [MemberData(nameof(Seeds))]
    public void Base32_matches_nix_hash(int seed)
    {
        var digest = RandomDigest(seed);

        var printed = NixTools.Run("nix-hash", "--type", "sha256", "--to-base32", digest.ToHex()).Trim();

        Assert.Equal(printed, digest.ToNixBase32());
    }

    [NixTheory("nix")]
    [MemberData(nameof(Seeds))]
    public void SRI_matches_nix_hash_to_sri(int seed)
    {
        var digest = RandomDigest(seed);

        var printed = NixTools.Run(
            "nix", "--extra-experimental-features", "nix-command", "hash", "to-sri", "--type", "sha256", digest.ToHex()).Trim();

        Assert.Equal(printed, digest.ToSri());
    }

    [NixFact("nix-hash")]
    public void Compute_agrees_with_nix_hash_of_a_file()
    {
        var content = new byte[100_000];
        new Random(42).NextBytes(content);
        var file = Path.Combine(Path.GetTempPath(), $"req2nix-hash-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, content);
        try
        {
            var printed = NixTools.Run("nix-hash", "--type", "sha256", "--flat", "--base32", file).Trim();

            Assert.Equal(printed, Sha256Digest.Compute(content).ToNixBase32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Sha256Digest RandomDigest(int seed)
    {
        var bytes = new byte[Sha256Digest.Length];
        new Random(seed).NextBytes(bytes);
        return Sha256Digest.FromBytes(bytes);
    }
}
