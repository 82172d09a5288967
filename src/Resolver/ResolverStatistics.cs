namespace Req2Nix.Resolver;

/// <summary>
/// What a resolution cost: listings and metadata files asked of the index; the solvers' rounds and
/// backjumps (summed over systems); how often a solver waited for data the prefetcher had not
/// brought yet, and the summed time of those waits.
/// </summary>
public sealed record ResolverStatistics(int ListingRequests, int MetadataRequests, int Rounds, int Backjumps, int SolverWaits, TimeSpan SolverWaitTime);
