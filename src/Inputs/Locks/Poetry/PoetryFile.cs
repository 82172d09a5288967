using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>A file of a locked package with its hash as written (<c>sha256:…</c>).</summary>
public sealed record PoetryFile(string File, string Hash)
{
    public TomlPosition Position { get; init; }
}
