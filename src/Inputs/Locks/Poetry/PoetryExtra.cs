using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>An extra with what it installs: requirement strings (<c>PySocks (&gt;=1.5.6,!=1.5.7)</c>) or package names.</summary>
public sealed record PoetryExtra(string Name, IReadOnlyList<string> Requirements)
{
    public TomlPosition Position { get; init; }
}
