using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Archives;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.JsonApi;
using Req2Nix.PyPI.Metadata;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// A release's core metadata, from the cheapest source that has it:
/// <list type="number">
/// <item>for a small wheel (<see cref="WholeWheelMetadata"/>): its METADATA kept in the cache from an
/// earlier read of the wheel, else its <c>.metadata</c> document when the cache holds it, else the
/// wheel itself, downloaded whole in the request its <c>.metadata</c> would have cost (offline,
/// from the cache only);</item>
/// <item>the PEP 658/714 <c>{file}.metadata</c> (its sha256 checked when the index states one);</item>
/// <item>the JSON API's release document beside the index (when it knows the dependencies);</item>
/// <item>the distribution itself (a wheel's METADATA, an sdist's PKG-INFO and egg-info).</item>
/// </list>
/// Offline, a lookup that the cache cannot answer lists every document it would have needed.
/// </summary>
internal sealed class MetadataLookup
{
    private readonly IReadOnlyList<IndexLocation> _indexes;
    private readonly DocumentSource _documents;
    private readonly DistributionSource _distributions;
    private readonly WholeWheelMetadata _wholeWheels;
    private readonly FileOrigins _origins;
    private readonly ClientLog _log;
    private readonly long _maxArchiveBytes;
    private readonly SharedTasks<string, Lookup<CoreMetadata?>> _releaseDocuments = new(StringComparer.Ordinal);

    public MetadataLookup(
        IReadOnlyList<IndexLocation> indexes,
        DocumentSource documents,
        DistributionSource distributions,
        WholeWheelMetadata wholeWheels,
        FileOrigins origins,
        ClientLog log,
        long maxArchiveBytes)
    {
        _indexes = indexes;
        _documents = documents;
        _distributions = distributions;
        _wholeWheels = wholeWheels;
        _origins = origins;
        _log = log;
        _maxArchiveBytes = maxArchiveBytes;
    }

    public async Task<CoreMetadata> ReadAsync(DistributionFile file)
    {
        var missing = new List<Uri>();
        var (project, version) = Identify(file);
        if (_wholeWheels.AppliesTo(file) && await TryWholeWheelAsync(file) is { } fromWheel)
        {
            return Checked(fromWheel, file, project, version);
        }
        if (file.HasCoreMetadata)
        {
            var url = MetadataFileUrl(file);
            try
            {
                var lookup = await _documents.GetAsync(url, Freshness.Immutable, "*/*", body => ParseMetadataFile(body, file));
                if (lookup.Found)
                {
                    return Checked(lookup.Value!, file, project, version);
                }
                _log.Warning(url, "the index announces this metadata file, but it is not there; looking elsewhere");
            }
            catch (OfflineMissException miss)
            {
                missing.AddRange(miss.Missing);
            }
        }
        if (project is { } name && version is not null)
        {
            foreach (var index in JsonApiCandidates(file))
            {
                if (index.ReleaseDocumentUrl(name, version) is not { } url)
                {
                    continue;
                }
                try
                {
                    var lookup = await _releaseDocuments.GetOrStart(url.AbsoluteUri, _ => ReadReleaseDocumentAsync(url));
                    if (!lookup.Found)
                    {
                        // Offline, concluding that the JSON API does not exist saves no request, and
                        // would depend on which lookup came first: another file's document may be cached.
                        if (!_documents.Offline)
                        {
                            index.JsonApiMissed();
                        }
                        continue;
                    }
                    index.JsonApiAnswered();
                    if (lookup.Value is { } metadata)
                    {
                        return Checked(metadata, file, project, version);
                    }
                    // The JSON API does not know the dependencies (null requires_dist): only the file does.
                    break;
                }
                catch (OfflineMissException miss)
                {
                    missing.AddRange(miss.Missing);
                }
                catch (IndexUnavailableException failure)
                {
                    index.JsonApiFailed();
                    _log.Warning(url, $"the JSON API is unavailable ({failure.Message}); reading the distribution instead, and not asking it again");
                }
            }
        }
        try
        {
            var distribution = await _distributions.GetBytesAsync(file, _maxArchiveBytes);
            return Checked(DistributionArchive.ReadCoreMetadata(distribution.Bytes, file.Filename), file, project, version);
        }
        catch (OfflineMissException miss)
        {
            missing.AddRange(miss.Missing);
            throw new OfflineMissException(missing);
        }
    }

    /// <summary>
    /// A small wheel's metadata without a request when the cache has it, else from the wheel itself;
    /// null when the wheel cannot answer (offline and not cached, larger than the index said, or
    /// unreadable): the other sources are then asked as for any file.
    /// </summary>
    private async Task<CoreMetadata?> TryWholeWheelAsync(DistributionFile file)
    {
        if (_wholeWheels.TryRecorded(file) is { } recorded)
        {
            return recorded;
        }
        // A cache filled before wheels were read whole, or with it off, has the .metadata document.
        if (file.HasCoreMetadata && _documents.TryGetCached(MetadataFileUrl(file), body => ParseMetadataFile(body, file), out var cached))
        {
            return cached;
        }
        try
        {
            return await _wholeWheels.ReadAsync(file);
        }
        catch (OfflineMissException)
        {
            // The lookup below lists the wheel among what it needed.
            return null;
        }
        catch (Exception e) when (e is DistributionTooLargeException or DistributionArchiveException)
        {
            _log.Warning(file.Url, $"the wheel was read whole for its metadata, but: {e.Message}; looking elsewhere");
            return null;
        }
    }

    private static Uri MetadataFileUrl(DistributionFile file) => new(file.Url.AbsoluteUri + ".metadata");

    private Task<Lookup<CoreMetadata?>> ReadReleaseDocumentAsync(Uri url) =>
        _documents.GetAsync(url, Freshness.Immutable, Http.RequestHeaders.JsonAccept, body => ReleaseDocumentReader.Read(body.Bytes.Span));

    /// <summary>The index that listed the file; for a file from elsewhere (a lock file), every index with a JSON API.</summary>
    private IEnumerable<IndexLocation> JsonApiCandidates(DistributionFile file)
    {
        if (_origins.TryGet(file, out var origin, out _))
        {
            return origin.HasJsonApi ? [origin] : [];
        }
        return _indexes.Where(i => i.HasJsonApi);
    }

    private (PackageName? Project, string? Version) Identify(DistributionFile file)
    {
        PackageName? project = _origins.TryGet(file, out _, out var listed) ? listed : null;
        return DistributionFilename.TryParse(file.Filename, project, out var parsed)
            ? (parsed.Name, parsed.VersionText)
            : (project, null);
    }

    private static CoreMetadata ParseMetadataFile(DocumentBody body, DistributionFile file) =>
        CoreMetadataBytes.Parse(body.Bytes.Span, file, file.Filename + ".metadata");

    /// <summary>Metadata that names another project or version than the file is no metadata of it.</summary>
    private static CoreMetadata Checked(CoreMetadata metadata, DistributionFile file, PackageName? project, string? version)
    {
        if (project is { } expected && (!PackageName.TryParse(metadata.Name, out var name) || name != expected))
        {
            throw new InvalidMetadataException(file.Filename, $"the metadata names the project '{metadata.Name}', not '{expected}'");
        }
        if (version is not null && Packaging.Pep440.Pep440Version.TryParse(version, out var fileVersion) && fileVersion != metadata.Version)
        {
            throw new InvalidMetadataException(file.Filename, $"the metadata gives version {metadata.Version}, the filename {version}");
        }
        return metadata;
    }
}
