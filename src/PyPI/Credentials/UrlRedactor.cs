namespace Req2Nix.PyPI.Credentials;

/// <summary>
/// Hides the user-info of URLs (<c>https://user:token@host/…</c> → <c>https://****@host/…</c>) for
/// anything that is shown: exceptions, log lines, progress. The client strips credentials from the
/// URLs it keeps, so this is the second line of defence for text that came from a user or a page.
/// </summary>
public static class UrlRedactor
{
    public const string Mask = "****";

    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? Redact(url.OriginalString) : url.OriginalString;
    }

    /// <summary>Redacts the user-info of a URL given as text; text that is not a URL comes back unchanged.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }
        var authorityStart = schemeEnd + 3;
        var authorityLength = url.AsSpan(authorityStart).IndexOfAny('/', '?', '#');
        var authority = authorityLength < 0 ? url.AsSpan(authorityStart) : url.AsSpan(authorityStart, authorityLength);
        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return url;
        }
        return string.Concat(url.AsSpan(0, authorityStart), Mask, url.AsSpan(authorityStart + at));
    }

    /// <summary>
    /// Redacts every URL with user-info inside a longer text (an exception message from elsewhere),
    /// and every occurrence of the given secrets.
    /// </summary>
    public static string RedactText(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        var result = text;
        var searchFrom = 0;
        while (true)
        {
            var schemeEnd = result.IndexOf("://", searchFrom, StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                break;
            }
            var end = schemeEnd + 3;
            while (end < result.Length && !char.IsWhiteSpace(result[end]) && result[end] is not ('/' or '?' or '#' or '"' or '\'' or '>'))
            {
                end++;
            }
            var at = result.AsSpan(schemeEnd + 3, end - schemeEnd - 3).LastIndexOf('@');
            if (at >= 0)
            {
                result = string.Concat(result.AsSpan(0, schemeEnd + 3), Mask, result.AsSpan(schemeEnd + 3 + at));
                end = schemeEnd + 3 + Mask.Length;
            }
            searchFrom = end;
        }
        foreach (var secret in secrets)
        {
            if (secret.Length > 0)
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }
        return result;
    }
}
