using Req2Nix.PyPI;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// What req2nix decided for a case, through the whole stack (requirements file, PyPI client, resolver):
/// the pins (<c>name==version</c>, sorted) or why there is no solution, and what it cost.
/// </summary>
internal sealed record Req2nixOutcome(IReadOnlyList<string>? Pins, string? Failure, ResolverStatistics? Statistics, IndexClientCounts Client, TimeSpan Elapsed)
{
    public bool Resolved => Pins is not null;

    public string Describe() =>
        $"{(Resolved ? $"{Pins!.Count} pins" : "no solution")} in {Elapsed.TotalMilliseconds:F0} ms, "
        + $"{Client.Requests} requests, {Client.CacheHits} cache hits"
        + (Statistics is { } statistics ? $", {statistics.ListingRequests} listings and {statistics.MetadataRequests} metadata files asked" : string.Empty);
}
