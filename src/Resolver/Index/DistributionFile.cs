using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Resolver.Index;

/// <summary>
/// One file as an index lists it (PEP 503/691). <see cref="Url"/> is absolute and never carries
/// credentials: the client keeps those apart and adds them when it fetches.
/// </summary>
public sealed record DistributionFile
{
    private readonly string? _urlText;
    private Uri? _url;

    public DistributionFile(string filename, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Filename = filename;
        _url = url;
    }

    /// <summary>
    /// A file whose URL is parsed when first asked for: a listing read back from the cache has
    /// thousands of files and the resolution looks at the URLs of a few.
    /// </summary>
    /// <param name="absoluteUrl">The text of an absolute URL that was parsed before (it was written from a <see cref="Uri"/>).</param>
    public DistributionFile(string filename, string absoluteUrl)
    {
        ArgumentNullException.ThrowIfNull(absoluteUrl);
        Filename = filename;
        _urlText = absoluteUrl;
    }

    public string Filename { get; init; }

    public Uri Url
    {
        get => _url ??= new Uri(_urlText!, UriKind.Absolute);
        init => (_url, _urlText) = (value, null);
    }

    /// <summary>The digest the index states; null when it states none (then it is computed on download).</summary>
    public Sha256Digest? Sha256 { get; init; }

    /// <summary>The index's Requires-Python for the file, as written (PEP 503 <c>data-requires-python</c>).</summary>
    public string? RequiresPython { get; init; }

    public bool Yanked { get; init; }

    public string? YankedReason { get; init; }

    /// <summary>PEP 658/714: the core metadata is served at <c>{Url}.metadata</c>.</summary>
    public bool HasCoreMetadata { get; init; }

    public Sha256Digest? CoreMetadataSha256 { get; init; }

    public long? Size { get; init; }

    /// <summary>The listing that named the file; null for a file from elsewhere (a lock file, a direct URL).</summary>
    public ListingOrigin? ListedBy { get; init; }

    /// <summary>The URL as it was written: <see cref="Uri.OriginalString"/> once parsed, without parsing it otherwise.</summary>
    public string UrlText => _url?.OriginalString ?? _urlText!;

    public bool Equals(DistributionFile? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Filename == other.Filename
            && Url == other.Url
            && Sha256 == other.Sha256
            && RequiresPython == other.RequiresPython
            && Yanked == other.Yanked
            && YankedReason == other.YankedReason
            && HasCoreMetadata == other.HasCoreMetadata
            && CoreMetadataSha256 == other.CoreMetadataSha256
            && Size == other.Size
            && Equals(ListedBy, other.ListedBy));

    public override int GetHashCode() => HashCode.Combine(Filename, Url, Sha256, Size);
}
