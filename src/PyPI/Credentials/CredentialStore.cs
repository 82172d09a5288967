using System.Collections.Concurrent;

namespace Req2Nix.PyPI.Credentials;

/// <summary>
/// Which credentials go to which server. Credentials from a URL's user-info belong to that URL's
/// origin (scheme, host, port) only; .netrc entries to their host name (any port, as pip). A URL
/// credential wins over .netrc. Everything that needs to be hidden is collected for redaction.
/// </summary>
internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, BasicCredentials> _byOrigin = new(StringComparer.OrdinalIgnoreCase);
    private readonly NetrcFile _netrc;
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    public CredentialStore(NetrcFile netrc)
    {
        _netrc = netrc;
        foreach (var credentials in netrc.AllCredentials())
        {
            AddSecrets(credentials);
        }
    }

    public IEnumerable<string> Secrets => _secrets.Keys;

    /// <summary>
    /// Returns <paramref name="url"/> without its user-info; the user-info, if any, becomes the
    /// credentials of the URL's origin.
    /// </summary>
    public Uri Strip(Uri url)
    {
        // UserInfo allocates: look for an '@' first (there is none in almost every URL).
        if (!url.IsAbsoluteUri || !url.OriginalString.Contains('@', StringComparison.Ordinal) || url.UserInfo.Length == 0)
        {
            return url;
        }
        var userInfo = url.UserInfo;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        var credentials = new BasicCredentials(user, password);
        AddSecrets(credentials);
        _secrets.TryAdd(userInfo, 0);
        _byOrigin[Origin(url)] = credentials;
        return new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    /// <summary>The credentials to send with a request to <paramref name="url"/>, or null.</summary>
    public BasicCredentials? Find(Uri url) =>
        _byOrigin.GetValueOrDefault(Origin(url)) ?? _netrc.Find(url.IdnHost);

    /// <summary>Redacts URLs' user-info and every known secret in <paramref name="text"/>.</summary>
    public string Redact(string text) => UrlRedactor.RedactText(text, _secrets.Keys);

    private static string Origin(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}";

    private void AddSecrets(BasicCredentials credentials)
    {
        foreach (var secret in credentials.Secrets())
        {
            _secrets.TryAdd(secret, 0);
        }
    }
}
