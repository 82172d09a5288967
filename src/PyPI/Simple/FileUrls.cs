using Req2Nix.Packaging.Hashing;

namespace Req2Nix.PyPI.Simple;

/// <summary>Turns the URL text a page gives for a file into the absolute, credential-free URL and filename the client keeps.</summary>
internal static class FileUrls
{
    /// <summary>
    /// Resolves <paramref name="text"/> against <paramref name="baseUrl"/>, separates the fragment
    /// (returned in <paramref name="fragmentDigest"/> when it is <c>#sha256=…</c>) and removes user-info
    /// through <paramref name="stripCredentials"/>. False when the text is no usable http(s) URL.
    /// </summary>
    public static bool TryResolve(
        Uri baseUrl,
        string text,
        Func<Uri, Uri> stripCredentials,
        out Uri url,
        out Sha256Digest? fragmentDigest)
    {
        fragmentDigest = null;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            var fragment = text.AsSpan(hash);
            if (fragment.StartsWith("#sha256=", StringComparison.Ordinal))
            {
                fragmentDigest = Sha256Digest.TryParseUrlFragment(fragment, out var digest)
                    ? digest
                    : throw new MalformedDocumentException($"'{fragment}' is not a sha256 digest");
            }
            text = text[..hash];
        }
        if (!Uri.TryCreate(baseUrl, text, out var resolved) || resolved.Scheme is not ("http" or "https"))
        {
            url = baseUrl;
            return false;
        }
        url = stripCredentials(resolved);
        return true;
    }

    /// <summary>The last segment of the URL's path, unescaped: the filename PEP 503 says an anchor's URL ends with.</summary>
    public static string FilenameOf(Uri url)
    {
        var path = url.AbsolutePath;
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
