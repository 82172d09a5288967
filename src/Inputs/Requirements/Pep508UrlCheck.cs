namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// The URL check of packaging 21.3's <c>Requirement</c> (pip 23.2.1 vendors it) for <c>name @ url</c>:
/// a <c>file:</c> URL must survive <c>urlunparse(urlparse(url))</c> unchanged (so <c>file:///path</c>,
/// not <c>file:path</c>); any other URL needs a scheme and a host.
/// </summary>
internal static class Pep508UrlCheck
{
    /// <summary>What is wrong with <paramref name="url"/>, or null when packaging 21.3 accepts it.</summary>
    public static string? Problem(string url)
    {
        if (!PythonUrl.TrySplit(url, out var parts))
        {
            return $"invalid URL '{url}': unbalanced '[' or ']' in its host";
        }
        if (parts.Scheme == "file")
        {
            return parts.Unsplit(parts.Path) == url ? null : $"invalid URL '{url}': write a local file URL as file:///absolute/path";
        }
        return parts.Scheme.Length > 0 && parts.Netloc.Length > 0 ? null : $"invalid URL '{url}': it needs a scheme and a host";
    }
}
