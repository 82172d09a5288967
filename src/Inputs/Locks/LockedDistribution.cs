using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Inputs.Locks;

/// <summary>An sdist or wheel a lock names with a URL (or a local path) and, when the lock gives one, its sha256.</summary>
internal readonly record struct LockedDistribution(string? Filename, string? Url, string? Path, Sha256Digest? Sha256, TomlPosition Position);
