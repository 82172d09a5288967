namespace Req2Nix.Inputs.Locks;

/// <summary>
/// Removes credentials from URLs before they reach a <c>DirectSource</c> or a message: the whole
/// user-info of a web URL (<c>https://token@host/</c>), and the password of any other
/// (<c>ssh://git@host/</c> keeps its user name, which is no secret).
/// </summary>
internal static class UrlCredentials
{
    public static string Strip(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url;
        }
        var authorityStart = scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return url;
        }
        var isWeb = url.AsSpan(0, scheme).EndsWith("http", StringComparison.OrdinalIgnoreCase)
            || url.AsSpan(0, scheme).EndsWith("https", StringComparison.OrdinalIgnoreCase);
        if (isWeb)
        {
            return string.Concat(url.AsSpan(0, authorityStart), url.AsSpan(at + 1));
        }
        var colon = url.IndexOf(':', authorityStart, at - authorityStart);
        return colon < 0 ? url : string.Concat(url.AsSpan(0, colon), url.AsSpan(at));
    }
}
