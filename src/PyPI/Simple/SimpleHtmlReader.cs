using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Simple;

/// <summary>
/// Reads a PEP 503 project page: every <c>&lt;a href&gt;</c> is a file (the filename is the URL's
/// last path segment), <c>#sha256=</c> its digest, <c>data-requires-python</c> (HTML-unescaped),
/// <c>data-yanked</c> (a reason, or empty), <c>data-core-metadata</c> / <c>data-dist-info-metadata</c>
/// (PEP 658/714: <c>true</c> or <c>algo=digest</c>); a <c>&lt;base href&gt;</c> and the PEP 629
/// <c>pypi:repository-version</c> meta tag are honoured.
/// </summary>
internal static class SimpleHtmlReader
{
    /// <param name="listedBy">Recorded in every file read (<see cref="DistributionFile.ListedBy"/>).</param>
    public static ProjectPage Read(ReadOnlySpan<byte> html, Uri pageUrl, Func<Uri, Uri> stripCredentials, ListingOrigin? listedBy = null)
    {
        var files = new List<DistributionFile>();
        var baseUrl = pageUrl;
        var baseSeen = false;
        string? apiVersion = null;
        var scanner = new HtmlTagScanner(html);
        while (scanner.Next(out var name, out var attributes))
        {
            if (name.Length == 1 && (name[0] | 0x20) == 'a')
            {
                if (ReadAnchor(attributes, baseUrl, stripCredentials, listedBy) is { } file)
                {
                    files.Add(file);
                }
            }
            else if (!baseSeen && Ascii.EqualsIgnoreCase(name, "base"u8))
            {
                if (Attribute(attributes, "href"u8) is { } href && Uri.TryCreate(pageUrl, href, out var resolved))
                {
                    baseUrl = resolved;
                    baseSeen = true;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "meta"u8) && Attribute(attributes, "name"u8) == "pypi:repository-version")
            {
                apiVersion = Attribute(attributes, "content"u8);
            }
        }
        return new ProjectPage(files, apiVersion);
    }

    private static DistributionFile? ReadAnchor(ReadOnlySpan<byte> attributes, Uri baseUrl, Func<Uri, Uri> stripCredentials, ListingOrigin? listedBy)
    {
        string? href = null;
        string? requiresPython = null;
        string? yanked = null;
        string? coreMetadata = null;
        string? distInfoMetadata = null;
        while (HtmlTagScanner.NextAttribute(ref attributes, out var name, out var value))
        {
            if (Ascii.EqualsIgnoreCase(name, "href"u8))
            {
                href ??= Decode(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "data-requires-python"u8))
            {
                requiresPython = Decode(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "data-yanked"u8))
            {
                yanked = Decode(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "data-core-metadata"u8))
            {
                coreMetadata = Decode(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "data-dist-info-metadata"u8))
            {
                distInfoMetadata = Decode(value);
            }
        }
        if (href is null || !FileUrls.TryResolve(baseUrl, href.Trim(), stripCredentials, out var url, out var digest)
            || FileUrls.FilenameOf(url) is not { Length: > 0 } filename)
        {
            return null;
        }
        var (hasMetadata, metadataDigest) = ReadMetadataAnnouncement(coreMetadata ?? distInfoMetadata);
        return new DistributionFile(filename, url)
        {
            Sha256 = digest,
            RequiresPython = string.IsNullOrWhiteSpace(requiresPython) ? null : requiresPython,
            Yanked = yanked is not null,
            YankedReason = string.IsNullOrEmpty(yanked) ? null : yanked,
            HasCoreMetadata = hasMetadata,
            CoreMetadataSha256 = metadataDigest,
            ListedBy = listedBy,
        };
    }

    /// <summary>PEP 658: absent, <c>true</c>, or <c>algorithm=hexdigest</c> (only a sha256 one is kept).</summary>
    private static (bool Available, Sha256Digest? Sha256) ReadMetadataAnnouncement(string? value)
    {
        if (value is null || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return (false, null);
        }
        if (!value.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            return (true, null);
        }
        return Sha256Digest.TryParseHex(value.AsSpan("sha256=".Length), out var digest)
            ? (true, digest)
            : throw new MalformedDocumentException($"data-core-metadata '{value}' is not a sha256 digest");
    }

    private static string? Attribute(ReadOnlySpan<byte> attributes, ReadOnlySpan<byte> wanted)
    {
        while (HtmlTagScanner.NextAttribute(ref attributes, out var name, out var value))
        {
            if (Ascii.EqualsIgnoreCase(name, wanted))
            {
                return Decode(value);
            }
        }
        return null;
    }

    private static string Decode(ReadOnlySpan<byte> value) => HtmlEntities.Decode(Encoding.UTF8.GetString(value));
}
