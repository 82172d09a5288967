namespace Req2Nix.PyPI.Caching;

/// <summary>A document's bytes as a parser sees them (valid during the parse only), its content type, and the URL it came from.</summary>
internal sealed class DocumentBody(ReadOnlyMemory<byte> bytes, string? contentType, Uri url)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public string? ContentType { get; } = contentType;

    /// <summary>The URL the body came from after redirects: relative links resolve against it.</summary>
    public Uri Url { get; } = url;
}
