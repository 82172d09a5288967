namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Python's <c>posixpath</c> functions pip applies to what a requirements file names: no file-system
/// access, <c>/</c> the only separator (pip on Linux and macOS treats <c>\</c> as an ordinary character).
/// </summary>
internal static class PosixPath
{
    public static bool IsAbsolute(string path) => path.StartsWith('/');

    /// <summary><c>os.path.join(a, b)</c>: <paramref name="path"/> itself when absolute.</summary>
    public static string Join(string directory, string path)
    {
        if (IsAbsolute(path) || directory.Length == 0)
        {
            return path;
        }
        return directory.EndsWith('/') ? directory + path : directory + "/" + path;
    }

    /// <summary><c>os.path.abspath</c> against <paramref name="workingDirectory"/> (itself absolute).</summary>
    public static string Absolute(string path, string workingDirectory) => Normalize(Join(workingDirectory, path));

    /// <summary><c>os.path.dirname</c>.</summary>
    public static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return string.Empty;
        }
        var head = path[..(slash + 1)];
        var trimmed = head.TrimEnd('/');
        return trimmed.Length == 0 ? head : trimmed;
    }

    /// <summary><c>os.path.basename</c>.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary><c>os.path.normpath</c>: <c>.</c> and empty parts dropped, <c>..</c> applied where it can be.</summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var leadingSlashes = !path.StartsWith('/') ? 0 : path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal) ? 2 : 1;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part != ".." || (leadingSlashes == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }
        var joined = new string('/', leadingSlashes) + string.Join('/', parts);
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary><c>os.path.relpath(path, start)</c> for two absolute, normalized paths.</summary>
    public static string Relative(string path, string start)
    {
        var to = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var from = start.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < to.Length && common < from.Length && to[common] == from[common])
        {
            common++;
        }
        var parts = new string[from.Length - common + to.Length - common];
        Array.Fill(parts, "..", 0, from.Length - common);
        Array.Copy(to, common, parts, from.Length - common, to.Length - common);
        return parts.Length == 0 ? "." : string.Join('/', parts);
    }

    /// <summary>
    /// pip's <c>splitext</c>: <c>posixpath.splitext</c> (leading dots of the name are not an
    /// extension), with <c>.tar</c> kept in front of a compression extension.
    /// </summary>
    public static string Extension(string path)
    {
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        var nameStart = slash + 1;
        while (nameStart < dot && path[nameStart] == '.')
        {
            nameStart++;
        }
        var hasExtension = dot > slash && nameStart < dot;
        var stem = hasExtension ? path.AsSpan(0, dot) : path.AsSpan();
        var extension = hasExtension ? path[dot..] : string.Empty;
        return stem.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? string.Concat(stem[^4..], extension) : extension;
    }
}
