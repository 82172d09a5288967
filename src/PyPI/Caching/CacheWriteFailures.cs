namespace Req2Nix.PyPI.Caching;

/// <summary>Cache files that could not be written: how many, and the first one's path and error.</summary>
public sealed record CacheWriteFailures(int Count, string First);
