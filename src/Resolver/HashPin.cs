using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Resolver;

/// <summary>A file hash the user pinned (<c>--hash=algo:hex</c>): any algorithm pip accepts.</summary>
public readonly record struct HashPin(string Algorithm, string HexDigest)
{
    /// <summary>The digest when the pin is a sha256 one, else null.</summary>
    public Sha256Digest? Sha256 =>
        Algorithm == "sha256" && Sha256Digest.TryParseHex(HexDigest, out var digest) ? digest : null;

    public override string ToString() => $"{Algorithm}:{HexDigest}";
}
