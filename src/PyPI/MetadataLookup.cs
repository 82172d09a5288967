using System.Text;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Archives;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.JsonApi;
using Req2Nix.PyPI.Metadata;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// A release's core metadata, from the cheapest source that has it: the PEP 658/714
/// <c>{file}.metadata</c> (its sha256 checked when the index states one), else the JSON API's
/// release document beside the index (when it knows the dependencies), else the distribution
/// itself (a wheel's METADATA, an sdist's PKG-INFO and egg-info). Offline, a lookup that the cache
/// cannot answer lists every document it would have needed.
/// </summary>
internal sealed class MetadataLookup
{
    private readonly IReadOnlyList<IndexLocation> _indexes;
    private readonly DocumentSource _documents;
    private readonly DistributionSource _distributions;
    private readonly FileOrigins _origins;
    private readonly ClientLog _log;
    private readonly long _maxArchiveBytes;
    private readonly SharedTasks<string, Lookup<CoreMetadata?>> _releaseDocuments = new(StringComparer.Ordinal);

    public MetadataLookup(
        IReadOnlyList<IndexLocation> indexes,
        DocumentSource documents,
        DistributionSource distributions,
        FileOrigins origins,
        ClientLog log,
        long maxArchiveBytes)
    {
        _indexes = indexes;
        _documents = documents;
        _distributions = distributions;
        _origins = origins;
        _log = log;
        _maxArchiveBytes = maxArchiveBytes;
    }

    public async Task<CoreMetadata> ReadAsync(DistributionFile file)
    {
        var missing = new List<Uri>();
        var (project, version) = Identify(file);
        if (file.HasCoreMetadata)
        {
            var url = new Uri(file.Url.AbsoluteUri + ".metadata");
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

    private static CoreMetadata ParseMetadataFile(DocumentBody body, DistributionFile file)
    {
        if (file.CoreMetadataSha256 is { } expected)
        {
            var actual = Sha256Digest.Compute(body.Bytes.Span);
            if (!actual.Equals(expected))
            {
                throw new HashMismatchException(file.Filename + ".metadata", $"sha256:{expected.ToHex()} (the index's digest)", $"sha256:{actual.ToHex()}");
            }
        }
        return CoreMetadataFile.Parse(Encoding.UTF8.GetString(body.Bytes.Span)).ToCoreMetadata();
    }

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
