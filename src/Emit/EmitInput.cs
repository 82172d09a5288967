using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Emit;

/// <summary>An input file the output was generated from, as the header names it: its path as the user gave it, and its sha256.</summary>
public sealed record EmitInput(string Path, Sha256Digest Sha256);
