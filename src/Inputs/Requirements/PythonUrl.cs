using System.Text;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// The parts of a URL as Python 3.11's <c>urllib.parse.urlsplit</c> finds them, which pip and
/// packaging 21.3 rely on: leading C0 controls and spaces dropped, tabs and line breaks removed,
/// the scheme (letters first, then letters, digits, <c>+-.</c>) lower-cased, the netloc after
/// <c>//</c> up to the first <c>/?#</c>, then the fragment after the first <c>#</c> and the query
/// after the first <c>?</c>.
/// </summary>
internal readonly record struct PythonUrl(string Scheme, string Netloc, string Path, string Query, string Fragment)
{
    /// <summary>Splits <paramref name="url"/>; false where Python raises (unbalanced IPv6 brackets).</summary>
    public static bool TrySplit(string url, out PythonUrl parts)
    {
        var rest = Clean(url);
        var scheme = string.Empty;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && IsSchemeText(rest.AsSpan(0, colon)))
        {
            scheme = rest[..colon].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }
        var netloc = string.Empty;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.AsSpan(2).IndexOfAny('/', '?', '#');
            end = end < 0 ? rest.Length : end + 2;
            netloc = rest[2..end];
            rest = rest[end..];
            if (netloc.Contains('[', StringComparison.Ordinal) != netloc.Contains(']', StringComparison.Ordinal))
            {
                parts = default;
                return false;
            }
        }
        var fragment = string.Empty;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }
        var query = string.Empty;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }
        parts = new PythonUrl(scheme, netloc, rest, query, fragment);
        return true;
    }

    /// <summary><c>urlunsplit</c>: the URL these parts make (it may differ from the text they came from).</summary>
    public string Unsplit(string path)
    {
        var url = path;
        if (Netloc.Length > 0 || (Scheme.Length > 0 && UsesNetloc(Scheme) && !url.StartsWith("//", StringComparison.Ordinal)))
        {
            if (url.Length > 0 && url[0] != '/')
            {
                url = "/" + url;
            }
            url = "//" + Netloc + url;
        }
        if (Scheme.Length > 0)
        {
            url = Scheme + ":" + url;
        }
        if (Query.Length > 0)
        {
            url += "?" + Query;
        }
        if (Fragment.Length > 0)
        {
            url += "#" + Fragment;
        }
        return url;
    }

    /// <summary>pip's <c>get_url_scheme</c>: the lower-cased text before the first <c>:</c>, or null without one.</summary>
    public static string? PipScheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[..colon].ToLowerInvariant();
    }

    /// <summary>Python's <c>urllib.parse.unquote</c>: <c>%XX</c> escapes decoded as UTF-8, invalid sequences as U+FFFD.</summary>
    public static string Unquote(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 3;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
                i++;
            }
            else
            {
                Flush(builder, bytes);
                builder.Append(c);
                i++;
            }
        }
        Flush(builder, bytes);
        return builder.ToString();
    }

    private static void Flush(StringBuilder builder, List<byte> bytes)
    {
        if (bytes.Count > 0)
        {
            builder.Append(Encoding.UTF8.GetString([.. bytes]));
            bytes.Clear();
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsSchemeText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The schemes of <c>urllib.parse.uses_netloc</c>.</summary>
    private static bool UsesNetloc(string scheme) => scheme is "" or "ftp" or "http" or "gopher" or "nntp" or "telnet" or "imap"
        or "wais" or "file" or "mms" or "https" or "shttp" or "snews" or "prospero" or "rtsp" or "rtspu" or "rsync"
        or "svn" or "svn+ssh" or "sftp" or "nfs" or "git" or "git+ssh" or "ws" or "wss" or "itms-services";

    private static string Clean(string url)
    {
        var start = 0;
        while (start < url.Length && url[start] <= ' ')
        {
            start++;
        }
        var rest = start == 0 ? url : url[start..];
        if (rest.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0)
        {
            rest = rest.Replace("\t", string.Empty, StringComparison.Ordinal)
                .Replace("\r", string.Empty, StringComparison.Ordinal)
                .Replace("\n", string.Empty, StringComparison.Ordinal);
        }
        return rest;
    }
}
