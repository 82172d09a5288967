using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// A locked package's <c>[package.source]</c>: <c>legacy</c> (a package index, with its
/// <c>reference</c> name), <c>git</c> (<c>reference</c> as asked, <c>resolved_reference</c> the
/// commit), <c>url</c>, <c>file</c> or <c>directory</c> (paths relative to the lock).
/// </summary>
public sealed class PoetrySource
{
    public required string Type { get; init; }

    /// <summary>The index, repository, archive URL or path; poetry writes it for every kind.</summary>
    public required string Url { get; init; }

    public string? Reference { get; init; }

    public string? ResolvedReference { get; init; }

    public string? Subdirectory { get; init; }

    public IReadOnlyList<string> OtherKeys { get; init; } = [];

    public TomlPosition Position { get; init; }
}
