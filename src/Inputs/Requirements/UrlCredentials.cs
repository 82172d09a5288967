namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Keeps credentials written into URLs (<c>https://user:token@host/…</c>, often from <c>${VAR}</c>)
/// out of what req2nix shows or writes. Over SSH the user name is an account, not a secret
/// (<c>git+ssh://git@github.com/…</c>), so it stays; a password never does.
/// </summary>
public static class UrlCredentials
{
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

    /// <summary>Every <c>scheme://user-info@</c> in <paramref name="text"/> with the secret part replaced by <c>****</c>.</summary>
    public static string Redact(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return text;
        }
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (schemeEnd >= 0)
        {
            var netlocStart = schemeEnd + 3;
            var netlocEnd = netlocStart;
            while (netlocEnd < text.Length && text[netlocEnd] is not ('/' or '?' or '#' or ' ' or '\t' or '\'' or '"'))
            {
                netlocEnd++;
            }
            var at = text.LastIndexOf('@', netlocEnd - 1, netlocEnd - netlocStart);
            if (at >= 0)
            {
                var schemeStart = schemeEnd;
                while (schemeStart > 0 && (char.IsAsciiLetterOrDigit(text[schemeStart - 1]) || text[schemeStart - 1] is '+' or '-' or '.'))
                {
                    schemeStart--;
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
                    builder.Append(IsSsh(text[schemeStart..schemeEnd]) ? userInfo : "****");
                }
                copied = at;
            }
            schemeEnd = netlocEnd < text.Length ? text.IndexOf("://", netlocEnd, StringComparison.Ordinal) : -1;
        }
        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    private static bool IsSsh(string scheme) =>
        scheme.Equals("ssh", StringComparison.OrdinalIgnoreCase)
        || scheme.EndsWith("+ssh", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("sftp", StringComparison.OrdinalIgnoreCase)
        || scheme.EndsWith("+sftp", StringComparison.OrdinalIgnoreCase);
}
