using Req2Nix.Packaging.Hashing;

namespace Req2Nix.PyPI;

/// <summary>A distribution's bytes, whose sha256 was computed from them and matched what the index and the pins state.</summary>
public sealed class VerifiedDistribution(string filename, Sha256Digest sha256, ReadOnlyMemory<byte> bytes)
{
    public string Filename { get; } = filename;

    public Sha256Digest Sha256 { get; } = sha256;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;
}
