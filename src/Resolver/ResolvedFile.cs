using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Resolver;

/// <summary>A distribution file of a pinned package: where it is and its verified sha256.</summary>
public sealed record ResolvedFile(string Filename, string Url, Sha256Digest Sha256)
{
    public bool IsWheel => Filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);
}
