using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// The <see cref="DirectSource"/> a PEP 508 direct reference (<c>name @ url</c>) names:
/// <c>git+…</c>, <c>hg+…</c>, <c>svn+…</c>, <c>bzr+…</c> (with <c>@revision</c>) a VCS checkout,
/// <c>file:</c> a local path, anything else an archive; <c>#subdirectory=</c> and
/// <c>#sha256=</c> fragments are read. Credentials are removed.
/// </summary>
internal static class DirectReference
{
    public static DirectSource FromUrl(string url)
    {
        var fragmentStart = url.IndexOf('#');
        var fragment = fragmentStart < 0 ? string.Empty : url[(fragmentStart + 1)..];
        var location = fragmentStart < 0 ? url : url[..fragmentStart];
        var subdirectory = FragmentValue(fragment, "subdirectory");

        if (VcsKindOf(location) is { } kind)
        {
            var plus = location.IndexOf('+');
            var (repository, revision) = SplitRevision(location[(plus + 1)..]);
            return new VcsSource(kind, UrlCredentials.Strip(repository)) { Revision = revision, Subdirectory = subdirectory };
        }
        if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = location["file:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                // file://host/path: only the local host (empty or localhost) names a path here.
                var slash = path.IndexOf('/', 2);
                path = slash < 0 ? "/" : path[slash..];
            }
            return new LocalPathSource(Uri.UnescapeDataString(path));
        }
        return new ArchiveSource(UrlCredentials.Strip(location))
        {
            Subdirectory = subdirectory,
            Sha256 = FragmentValue(fragment, "sha256") is { } hex && Sha256Digest.TryParseHex(hex, out var digest) ? digest : null,
        };
    }

    private static VcsKind? VcsKindOf(string url)
    {
        if (url.StartsWith("git+", StringComparison.OrdinalIgnoreCase))
        {
            return VcsKind.Git;
        }
        if (url.StartsWith("hg+", StringComparison.OrdinalIgnoreCase))
        {
            return VcsKind.Mercurial;
        }
        if (url.StartsWith("svn+", StringComparison.OrdinalIgnoreCase))
        {
            return VcsKind.Subversion;
        }
        return url.StartsWith("bzr+", StringComparison.OrdinalIgnoreCase) ? VcsKind.Bazaar : null;
    }

    /// <summary>Splits <c>https://host/repo.git@v1.0</c> at the last <c>@</c> of the path (one in the host part is a user name).</summary>
    private static (string Repository, string? Revision) SplitRevision(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
        if (pathStart < 0)
        {
            return (url, null);
        }
        var at = url.LastIndexOf('@');
        return at > pathStart ? (url[..at], url[(at + 1)..]) : (url, null);
    }

    private static string? FragmentValue(string fragment, string key)
    {
        foreach (var part in fragment.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && part.AsSpan(0, equals).Equals(key, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(part[(equals + 1)..]);
            }
        }
        return null;
    }
}
