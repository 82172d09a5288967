using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>The <c>[metadata]</c> table of a poetry.lock (without its file hashes).</summary>
public sealed class PoetryLockMetadata
{
    /// <summary>The <c>lock-version</c> as written; null for the pre-1.0 layout.</summary>
    public string? LockVersion { get; init; }

    /// <summary>The project's Python constraint, in Poetry's syntax.</summary>
    public string? PythonVersions { get; init; }

    /// <summary>The hash of the pyproject.toml content the lock was made from.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Whether the pre-2.0 <c>[metadata.files]</c> table (file hashes per package name) is present.</summary>
    public bool HasFilesTable { get; init; }

    /// <summary>Keys other than the three above and <c>files</c>, in file order.</summary>
    public IReadOnlyList<string> OtherKeys { get; init; } = [];

    public TomlPosition Position { get; init; }

    internal Pep440Version? ParsedLockVersion { get; init; }

    internal TomlString? PythonVersionsValue { get; init; }
}
