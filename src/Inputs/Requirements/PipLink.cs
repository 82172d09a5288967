namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// What pip 23.2.1's <c>Link</c> reads from a URL: its scheme, unquoted path, file name and extension,
/// and the <c>egg=</c>, <c>subdirectory=</c> and hash fragments, which pip finds anywhere after a
/// <c>#</c> or <c>&amp;</c> in the whole URL.
/// </summary>
internal sealed class PipLink
{
    /// <summary>pip's hash names, strongest first: the first found in the URL wins.</summary>
    private static readonly string[] HashNames = ["sha512", "sha384", "sha256", "sha224", "sha1", "md5"];

    private static readonly string[] VcsSchemes =
    [
        "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file",
        "git+http", "git+https", "git+ssh", "git+git", "git+file",
        "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
        "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
    ];

    private readonly PythonUrl _parts;

    private PipLink(string url, PythonUrl parts)
    {
        Url = url;
        _parts = parts;
        Path = PythonUrl.Unquote(parts.Path);
    }

    public string Url { get; }

    public string Scheme => _parts.Scheme;

    public string Netloc => _parts.Netloc;

    /// <summary>The URL's path, percent-decoded.</summary>
    public string Path { get; }

    public PythonUrl Parts => _parts;

    /// <summary>The last path segment, decoded once more as pip does; the host when the path has none.</summary>
    public string FileName
    {
        get
        {
            var name = PosixPath.FileName(Path.TrimEnd('/'));
            if (name.Length == 0)
            {
                var at = Netloc.LastIndexOf('@');
                return at < 0 ? Netloc : Netloc[(at + 1)..];
            }
            return PythonUrl.Unquote(name);
        }
    }

    public string Extension => PosixPath.Extension(PosixPath.FileName(Path.TrimEnd('/')));

    public bool IsWheel => Extension == ".whl";

    public bool IsVcs => Array.IndexOf(VcsSchemes, Scheme) >= 0;

    public bool IsFile => Scheme == "file";

    public string? EggFragment => FindFragment("egg=");

    public string? SubdirectoryFragment => FindFragment("subdirectory=");

    /// <summary>The first <c>#algo=value</c> or <c>&amp;algo=value</c> of pip's hash names in the URL.</summary>
    public (string Algorithm, string Value)? HashFragment
    {
        get
        {
            for (var i = 0; i < Url.Length; i++)
            {
                if (Url[i] is not ('#' or '&'))
                {
                    continue;
                }
                foreach (var name in HashNames)
                {
                    if (string.CompareOrdinal(Url, i + 1, name, 0, name.Length) == 0 && i + 1 + name.Length < Url.Length && Url[i + 1 + name.Length] == '=')
                    {
                        var start = i + 2 + name.Length;
                        var end = Url.IndexOf('&', start);
                        return (name, Url[start..(end < 0 ? Url.Length : end)]);
                    }
                }
            }
            return null;
        }
    }

    /// <summary>pip's <c>is_url</c>: the text before the first <c>:</c> is a scheme pip downloads from.</summary>
    public static bool LooksLikeUrl(string text) =>
        PythonUrl.PipScheme(text) is { } scheme && (scheme is "http" or "https" or "file" or "ftp" || Array.IndexOf(VcsSchemes, scheme) >= 0);

    /// <summary>A link for <paramref name="url"/>; false where Python's URL split raises.</summary>
    public static bool TryCreate(string url, out PipLink link)
    {
        if (!PythonUrl.TrySplit(url, out var parts))
        {
            link = null!;
            return false;
        }
        link = new PipLink(url, parts);
        return true;
    }

    /// <summary>The value of the first <paramref name="key"/> after a <c>#</c> or <c>&amp;</c>, up to the next <c>&amp;</c>.</summary>
    private string? FindFragment(string key)
    {
        var i = 0;
        while ((i = Url.IndexOf(key, i, StringComparison.Ordinal)) >= 0)
        {
            if (i > 0 && Url[i - 1] is '#' or '&')
            {
                var start = i + key.Length;
                var end = Url.IndexOf('&', start);
                return Url[start..(end < 0 ? Url.Length : end)];
            }
            i++;
        }
        return null;
    }
}
