namespace Req2Nix.Resolver;

/// <summary>How the resolver uses the index: how many requests at once, and how far it fetches ahead of the solver.</summary>
public sealed record ResolverOptions
{
    public static ResolverOptions Default { get; } = new();

    /// <summary>Requests to the index in flight at once (listings, metadata, digests).</summary>
    public int MaxConcurrentRequests { get; init; } = 32;

    /// <summary>Fetch listings and metadata ahead of the solver (uv's prefetching); off, it asks one thing at a time.</summary>
    public bool Prefetch { get; init; } = true;

    /// <summary>At most this many metadata files fetched speculatively.</summary>
    public int PrefetchBudget { get; init; } = 2000;
}
