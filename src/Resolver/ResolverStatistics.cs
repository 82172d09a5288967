namespace Req2Nix.Resolver;

/// <summary>What a resolution cost: requests asked of the index, and the solver's work per system.</summary>
public sealed record ResolverStatistics(int ListingRequests, int MetadataRequests, int Rounds, int Backjumps);
