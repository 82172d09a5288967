using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.Http;
using Req2Nix.PyPI.Simple;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// A project's files over all configured indexes: each index's page (PEP 691 JSON, or PEP 503 HTML
/// when that is what the server answers), their union in index order as pip takes it. One index
/// failing fails the listing: a partial union could hide the file the resolver should pick.
/// </summary>
internal sealed class ProjectLister
{
    private const string JsonMediaType = "application/vnd.pypi.simple.v1+json";

    private readonly IReadOnlyList<IndexLocation> _indexes;
    private readonly DocumentSource _documents;
    private readonly CredentialStore _credentials;
    private readonly FileOrigins _origins;

    public ProjectLister(IReadOnlyList<IndexLocation> indexes, DocumentSource documents, CredentialStore credentials, FileOrigins origins)
    {
        _indexes = indexes;
        _documents = documents;
        _credentials = credentials;
        _origins = origins;
    }

    /// <summary>The project's files; null when no index has the project.</summary>
    public async Task<ProjectListing?> ListAsync(PackageName name)
    {
        var pages = new Task<Lookup<ProjectPage>>[_indexes.Count];
        var listings = new IndexListing[_indexes.Count];
        for (var i = 0; i < pages.Length; i++)
        {
            var index = _indexes[i];
            var listing = listings[i] = new IndexListing(index, name);
            pages[i] = _documents.GetAsync(index.ProjectUrl(name), Freshness.Revalidate, RequestHeaders.SimpleApiAccept, body => Parse(body, listing), new CompactProjectPage(listing));
        }
        var lookups = await OfflineMisses.WhenAll(pages);
        for (var i = 0; i < lookups.Length; i++)
        {
            // A page read back from its compact form was not parsed here: check what parsing checks.
            if (lookups[i] is { Found: true, Value.HasSupportedApiVersion: false } unsupported)
            {
                throw Unsupported(_indexes[i], unsupported.Value!);
            }
        }
        var files = new List<DistributionFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = false;
        for (var i = 0; i < lookups.Length; i++)
        {
            if (!lookups[i].Found)
            {
                continue;
            }
            found = true;
            var pageFiles = lookups[i].Value!.Files;
            if (lookups.Length == 1)
            {
                // One index: nothing to merge, and no URL strings to build for the thousands of files.
                files.AddRange(pageFiles);
                _origins.Add(pageFiles, listings[i]);
                continue;
            }
            seen.EnsureCapacity(seen.Count + pageFiles.Count);
            var added = new List<DistributionFile>(pageFiles.Count);
            foreach (var file in pageFiles)
            {
                if (seen.Add(file.Url.AbsoluteUri))
                {
                    added.Add(file);
                }
            }
            files.AddRange(added);
            _origins.Add(added, listings[i]);
        }
        if (!found)
        {
            return null;
        }
        return new ProjectListing(name, files);
    }

    /// <summary>Where <see cref="ListAsync"/> looked, for the message that a project is absent.</summary>
    public string Where => $"looked in {string.Join(", ", _indexes.Select(i => i.Display))}";

    private ProjectPage Parse(DocumentBody body, IndexListing listing)
    {
        var page = IsJson(body)
            ? SimpleJsonReader.Read(body.Bytes.Span, body.Url, _credentials.Strip, listing)
            : SimpleHtmlReader.Read(body.Bytes.Span, body.Url, _credentials.Strip, listing);
        if (!page.HasSupportedApiVersion)
        {
            throw Unsupported(listing.Index, page);
        }
        return page;
    }

    private static IndexUnavailableException Unsupported(IndexLocation index, ProjectPage page) =>
        new(index.Display, $"the index speaks simple API version {page.ApiVersion}; req2nix reads version 1.x");

    private static bool IsJson(DocumentBody body)
    {
        if (body.ContentType is { } type)
        {
            if (type is JsonMediaType or "application/json")
            {
                return true;
            }
            if (type is "text/html" or "application/vnd.pypi.simple.v1+html")
            {
                return false;
            }
        }
        var text = body.Bytes.Span.TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == '{';
    }
}
