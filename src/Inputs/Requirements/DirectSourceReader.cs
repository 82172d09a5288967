using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Where a requirement's distribution comes from when it names a URL or a path: a VCS checkout, an
/// archive URL, or a local directory or file. URLs lose their credentials (an SSH user name stays)
/// and their fragment, whose <c>subdirectory=</c> and <c>sha256=</c> are kept apart.
/// </summary>
internal static class DirectSourceReader
{
    /// <summary>The source of <paramref name="entry"/>, or null when it comes from an index.</summary>
    /// <param name="baseDirectory">Relative local paths in the result are relative to it.</param>
    public static DirectSource? Read(RequirementEntry entry, string baseDirectory)
    {
        if (entry.AbsoluteLocalPath is { } path)
        {
            var written = entry.Text.TrimStart();
            var shown = PosixPath.IsAbsolute(written) ? path : PosixPath.Relative(path, baseDirectory);
            return new LocalPathSource(shown) { Editable = entry.Editable };
        }
        if (entry.Url is not { } url)
        {
            return null;
        }
        if (!PipLink.TryCreate(url, out var link))
        {
            throw new RequirementsFileException(entry.Location, $"'{url}' is not a valid URL");
        }
        if (link.IsVcs)
        {
            return ReadVcs(entry, link);
        }
        if (link.IsFile)
        {
            if (link.Netloc.Length > 0 && link.Netloc != "localhost")
            {
                throw new RequirementsFileException(entry.Location, $"'{url}' names a file on another host; only local file URLs are supported");
            }
            return new LocalPathSource(PosixPath.Normalize(link.Path)) { Editable = entry.Editable };
        }
        var parts = link.Parts;
        var clean = (parts with { Netloc = UrlCredentials.StripFromNetloc(parts.Netloc, parts.Scheme), Fragment = string.Empty }).Unsplit(parts.Path);
        Sha256Digest? sha256 = null;
        if (link.HashFragment is ("sha256", var hex))
        {
            if (!Sha256Digest.TryParseHex(hex, out var digest))
            {
                throw new RequirementsFileException(entry.Location, $"the #sha256= fragment of '{url}' is not a sha256 digest in hex");
            }
            sha256 = digest;
        }
        return new ArchiveSource(clean) { Subdirectory = link.SubdirectoryFragment, Sha256 = sha256 };
    }

    /// <summary>pip's VCS URL reading: <c>vcs+scheme://host/path[@revision][#fragment]</c>, the revision after the last <c>@</c> of the path.</summary>
    private static VcsSource ReadVcs(RequirementEntry entry, PipLink link)
    {
        var plus = link.Scheme.IndexOf('+', StringComparison.Ordinal);
        var kind = link.Scheme[..plus] switch
        {
            "git" => VcsKind.Git,
            "hg" => VcsKind.Mercurial,
            "svn" => VcsKind.Subversion,
            _ => VcsKind.Bazaar,
        };
        var withoutPrefix = link.Url[(link.Url.IndexOf('+', StringComparison.Ordinal) + 1)..];
        if (!PythonUrl.TrySplit(withoutPrefix, out var parts))
        {
            throw new RequirementsFileException(entry.Location, $"'{link.Url}' is not a valid URL");
        }
        var path = parts.Path;
        string? revision = null;
        var at = path.LastIndexOf('@');
        if (at >= 0)
        {
            revision = path[(at + 1)..];
            path = path[..at];
            if (revision.Length == 0)
            {
                throw new RequirementsFileException(entry.Location, $"the URL '{link.Url}' has an empty revision after '@'; give a revision or remove the '@'");
            }
        }
        var url = (parts with { Netloc = UrlCredentials.StripFromNetloc(parts.Netloc, parts.Scheme), Fragment = string.Empty }).Unsplit(path);
        return new VcsSource(kind, url) { Revision = revision, Subdirectory = link.SubdirectoryFragment };
    }
}
