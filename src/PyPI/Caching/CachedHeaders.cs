namespace Req2Nix.PyPI.Caching;

/// <summary>
/// What a cache entry records besides its body: the key (the URL, without credentials), the URL the
/// body came from after redirects (to resolve relative links), its validators and its content type.
/// </summary>
internal sealed record CachedHeaders(string Url)
{
    public string? FinalUrl { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public string? ContentType { get; init; }
}
