namespace Req2Nix.PyPI.Credentials;

/// <summary>
/// The credentials of a .netrc text, as Python's <c>netrc</c> module (hence pip) reads it:
/// whitespace-separated tokens, <c>machine NAME</c> or <c>default</c> starting an entry,
/// <c>login</c>/<c>password</c>/<c>account</c> inside one, <c>macdef</c> blocks skipped to the next
/// blank line, <c>#</c> comments, double-quoted tokens with backslash escapes. A machine named twice
/// keeps its last entry, as in Python.
/// </summary>
public sealed class NetrcFile
{
    private readonly Dictionary<string, BasicCredentials> _machines;

    private NetrcFile(Dictionary<string, BasicCredentials> machines, BasicCredentials? fallback)
    {
        _machines = machines;
        Default = fallback;
    }

    public static NetrcFile Empty { get; } = new(new Dictionary<string, BasicCredentials>(StringComparer.OrdinalIgnoreCase), null);

    /// <summary>The <c>default</c> entry's credentials, used for hosts no <c>machine</c> names.</summary>
    public BasicCredentials? Default { get; }

    public int MachineCount => _machines.Count;

    internal IEnumerable<BasicCredentials> AllCredentials() =>
        Default is null ? _machines.Values : _machines.Values.Append(Default);

    /// <summary>The credentials for <paramref name="host"/> (a host name, compared case-insensitively), else the default entry's.</summary>
    public BasicCredentials? Find(string host) => _machines.GetValueOrDefault(host) ?? Default;

    /// <summary>Reads a .netrc text; throws <see cref="NetrcFormatException"/> when it is malformed.</summary>
    public static NetrcFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var machines = new Dictionary<string, BasicCredentials>(StringComparer.OrdinalIgnoreCase);
        BasicCredentials? fallback = null;
        var lexer = new NetrcLexer(text);
        while (lexer.Next() is { } token)
        {
            switch (token.Text)
            {
                case "machine":
                    var name = lexer.Next() ?? throw NetrcLexer.Error("'machine' needs a host name", token);
                    machines[name.Text] = ReadEntry(lexer, token);
                    break;
                case "default":
                    fallback = ReadEntry(lexer, token);
                    break;
                case "macdef":
                    _ = lexer.Next() ?? throw NetrcLexer.Error("'macdef' needs a macro name", token);
                    lexer.SkipMacroBody();
                    break;
                default:
                    throw NetrcLexer.Error($"expected 'machine', 'default' or 'macdef', found '{Shorten(token.Text)}'", token);
            }
        }
        return new NetrcFile(machines, fallback);
    }

    private static BasicCredentials ReadEntry(NetrcLexer lexer, NetrcToken start)
    {
        string? login = null;
        string? password = null;
        while (lexer.Peek() is { } token && token.Text is not ("machine" or "default" or "macdef"))
        {
            lexer.Next();
            var value = lexer.Next() ?? throw NetrcLexer.Error($"'{Shorten(token.Text)}' needs a value", token);
            switch (token.Text)
            {
                case "login":
                    login = value.Text;
                    break;
                case "password":
                    password = value.Text;
                    break;
                case "account":
                    break;
                default:
                    throw NetrcLexer.Error($"unknown keyword '{Shorten(token.Text)}' (expected login, password or account)", token);
            }
        }
        if (login is null && password is null)
        {
            throw NetrcLexer.Error("the entry has neither a login nor a password", start);
        }
        return new BasicCredentials(login ?? string.Empty, password ?? string.Empty);
    }

    // A keyword out of place may be a password written on the wrong line: never echo much of it.
    private static string Shorten(string token) => token.Length <= 10 ? token : token[..8] + "…";
}
