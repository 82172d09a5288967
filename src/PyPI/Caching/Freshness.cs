namespace Req2Nix.PyPI.Caching;

/// <summary>How a cached document is used.</summary>
internal enum Freshness
{
    /// <summary>Asked again with its validators on each run (project pages): 304 keeps the cached copy.</summary>
    Revalidate,

    /// <summary>Never changes once published (metadata files, JSON API release documents): never asked again.</summary>
    Immutable,
}
