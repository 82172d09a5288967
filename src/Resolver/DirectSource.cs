using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Resolver;

/// <summary>
/// A distribution that does not come from an index: an archive URL, a VCS checkout or a local
/// path (PEP 508 <c>name @ url</c>, pip's bare URLs and paths, a lock file's url/git/path sources).
/// URLs never carry credentials here: readers strip the user-info part before building one.
/// </summary>
public abstract record DirectSource;

/// <summary>A wheel or sdist at a URL; <see cref="Sha256"/> when the URL fragment or a lock gave one.</summary>
public sealed record ArchiveSource(string Url) : DirectSource
{
    public string? Subdirectory { get; init; }

    public Sha256Digest? Sha256 { get; init; }
}

/// <summary>A VCS checkout; <see cref="Revision"/> is a commit when a lock resolved it, else what the user wrote.</summary>
public sealed record VcsSource(VcsKind Kind, string Url) : DirectSource
{
    public string? Revision { get; init; }

    public string? Subdirectory { get; init; }
}

/// <summary>A local directory or archive, as written (relative to the input file's directory).</summary>
public sealed record LocalPathSource(string Path) : DirectSource
{
    public bool Editable { get; init; }
}

public enum VcsKind
{
    Git,
    Mercurial,
    Subversion,
    Bazaar,
}
