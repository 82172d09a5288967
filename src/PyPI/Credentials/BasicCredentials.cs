using System.Net.Http.Headers;
using System.Text;

namespace Req2Nix.PyPI.Credentials;

/// <summary>A user name and password for HTTP Basic authentication. Never printed: <see cref="ToString"/> hides both.</summary>
public sealed class BasicCredentials
{
    public BasicCredentials(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        User = user;
        Password = password;
    }

    public string User { get; }

    public string Password { get; }

    /// <summary>The <c>Authorization</c> header value that carries these credentials.</summary>
    public AuthenticationHeaderValue ToHeader() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));

    /// <summary>The strings that must never be shown: the user name, the password and the header's token.</summary>
    internal IEnumerable<string> Secrets()
    {
        yield return ToHeader().Parameter!;
        if (Password.Length > 0)
        {
            yield return Password;
        }
        if (User.Length > 0)
        {
            yield return User;
        }
    }

    public override string ToString() => UrlRedactor.Mask;
}
