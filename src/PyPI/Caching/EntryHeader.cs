using Req2Nix.Packaging.Hashing;

namespace Req2Nix.PyPI.Caching;

/// <summary>A cache entry's header as read: its fields, where the body starts, and the body's recorded length and sha256.</summary>
internal sealed record EntryHeader(CachedHeaders Headers, int BodyOffset, int BodyLength, Sha256Digest BodySha256);
