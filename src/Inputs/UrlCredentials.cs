namespace Req2Nix.Inputs;

/// <summary>
/// Keeps credentials written into URLs (<c>https://user:token@host/…</c>, often from <c>${VAR}</c>)
/// out of what req2nix shows or writes. Over SSH the user name is an account, not a secret
/// (<c>git+ssh://git@github.com/…</c>), so it stays; a password never does.
/// </summary>
public static class UrlCredentials
{
    /// <summary>
    /// The URL without the user-info part of its netloc (over SSH without the password only), for
    /// URLs that reach a source in the output; text without <c>://</c> is returned as it is.
    /// </summary>
    public static string Strip(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }
        var netlocStart = schemeEnd + 3;
        var netlocEnd = url.IndexOfAny(['/', '?', '#'], netlocStart);
        if (netlocEnd < 0)
        {
            netlocEnd = url.Length;
        }
        var netloc = url[netlocStart..netlocEnd];
        var stripped = StripFromNetloc(netloc, url[..schemeEnd]);
        return ReferenceEquals(stripped, netloc) ? url : string.Concat(url.AsSpan(0, netlocStart), stripped, url.AsSpan(netlocEnd));
    }

    /// <summary>The netloc without its user-info part (over SSH without the password only).</summary>
    public static string StripFromNetloc(string netloc, string scheme)
    {
        var at = netloc.LastIndexOf('@');
        if (at < 0)
        {
            return netloc;
        }
        var host = netloc[(at + 1)..];
        if (!IsSsh(scheme))
        {
            return host;
        }
        var userInfo = netloc.AsSpan(0, at);
        var colon = userInfo.IndexOf(':');
        return string.Concat(colon < 0 ? userInfo : userInfo[..colon], "@", host);
    }

    /// <summary>
    /// Every <c>//user-info@</c> in <paramref name="text"/> (with a scheme before it or not) with the
    /// secret part replaced by <c>****</c>: <c>user:****@</c>, or <c>****@</c> for a lone token.
    /// </summary>
    public static string Redact(string text)
    {
        var slashes = text.IndexOf("//", StringComparison.Ordinal);
        if (slashes < 0 || !text.Contains('@', StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        for (; slashes >= 0; slashes = text.IndexOf("//", slashes + 2, StringComparison.Ordinal))
        {
            var netlocStart = slashes + 2;
            if (netlocStart < copied)
            {
                continue;
            }
            var netlocEnd = netlocStart;
            while (netlocEnd < text.Length && text[netlocEnd] is not ('/' or '?' or '#' or ' ' or '\t' or '\'' or '"'))
            {
                netlocEnd++;
            }
            var at = netlocEnd > netlocStart ? text.LastIndexOf('@', netlocEnd - 1, netlocEnd - netlocStart) : -1;
            if (at < 0)
            {
                continue;
            }
            var userInfo = text.AsSpan(netlocStart, at - netlocStart);
            var colon = userInfo.IndexOf(':');
            builder.Append(text, copied, netlocStart - copied);
            if (colon >= 0)
            {
                builder.Append(userInfo[..colon]).Append(":****");
            }
            else
            {
                builder.Append(IsSsh(SchemeBefore(text, slashes)) ? userInfo : "****");
            }
            copied = at;
        }
        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    /// <summary>The scheme written right before <c>//</c> at <paramref name="slashes"/>, without its <c>:</c>; empty when there is none.</summary>
    private static string SchemeBefore(string text, int slashes)
    {
        if (slashes == 0 || text[slashes - 1] != ':')
        {
            return string.Empty;
        }
        var start = slashes - 1;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '-' or '.'))
        {
            start--;
        }
        return text[start..(slashes - 1)];
    }

    private static bool IsSsh(string scheme) =>
        scheme.Equals("ssh", StringComparison.OrdinalIgnoreCase)
        || scheme.EndsWith("+ssh", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("sftp", StringComparison.OrdinalIgnoreCase)
        || scheme.EndsWith("+sftp", StringComparison.OrdinalIgnoreCase);
}
