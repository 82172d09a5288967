namespace Req2Nix.PyPI.Caching;

/// <summary>
/// What a cache entry records besides its body: the key (the URL, without credentials), the URL the
/// body came from after redirects (to resolve relative links), its validators and its content type;
/// or, for a remembered "not found", the index's status (the entry then has no body).
/// </summary>
internal sealed record CachedHeaders(string Url)
{
    public string? FinalUrl { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public string? ContentType { get; init; }

    /// <summary>404 or 410 when the index answered that the document does not exist; null for a document.</summary>
    public int? MissingStatus { get; init; }

    public bool IsMissing => MissingStatus is not null;
}
