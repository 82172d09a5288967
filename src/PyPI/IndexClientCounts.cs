namespace Req2Nix.PyPI;

/// <summary>What a client has done so far.</summary>
public sealed record IndexClientCounts(long Requests, long NotModified, long CacheHits, long Retries, long BytesReceived);
