namespace Req2Nix.Resolver;

/// <summary>How the resolver uses the index: how many requests at once, and how far it fetches ahead of the solver.</summary>
public sealed record ResolverOptions
{
    public static ResolverOptions Default { get; } = new();

    /// <summary>
    /// Requests to the index in flight at once (listings, metadata, digests). Keep it at most the
    /// index client's own limit, so that requests wait here, where those a solver waits for go first.
    /// </summary>
    public int MaxConcurrentRequests { get; init; } = 16;

    /// <summary>Fetch listings and metadata ahead of the solver (uv's prefetching); off, it asks one thing at a time.</summary>
    public bool Prefetch { get; init; } = true;

    /// <summary>At most this many metadata files fetched speculatively.</summary>
    public int PrefetchBudget { get; init; } = 2000;

    /// <summary>Told each release a solver pins, while it runs; null tells no one.</summary>
    public IResolutionObserver? Observer { get; init; }
}
