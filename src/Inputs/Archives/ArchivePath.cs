namespace Req2Nix.Inputs.Archives;

/// <summary>
/// Entry names made comparable, and the hostile ones rejected: an absolute name, a drive letter,
/// a <c>..</c> segment or a control character never names anything inside the distribution,
/// so such entries are left out (nothing is ever written to disk; they are simply not believed).
/// </summary>
internal static class ArchivePath
{
    /// <summary>The name with <c>\</c> as <c>/</c>, without <c>./</c> and empty segments; null when the entry is to be ignored.</summary>
    public static string? Normalize(string name)
    {
        if (name.Length == 0 || name.Length > 4096)
        {
            return null;
        }
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            return null;
        }
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == ".." || segment.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            {
                return null;
            }
            segments.Add(segment);
        }
        return segments.Count == 0 ? null : string.Join('/', segments);
    }
}
