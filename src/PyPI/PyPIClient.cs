using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Archives;
using Req2Nix.PyPI.Caching;
using Req2Nix.PyPI.Credentials;
using Req2Nix.PyPI.Hashing;
using Req2Nix.PyPI.Http;
using Req2Nix.PyPI.Metadata;
using Req2Nix.Resolver;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>
/// <see cref="IPackageIndex"/> over HTTP: project pages from the PEP 691 JSON simple API (PEP 503
/// HTML when that is what a server answers) of one or more indexes, metadata from PEP 658 files,
/// the JSON API or the distribution itself (a small wheel is read whole in the request its PEP 658
/// file would cost, and is then at hand), and verified sha256 digests of downloads, all through
/// an on-disk cache and a retrying, bounded, deduplicating HTTP layer. Thread-safe; every URL is
/// asked at most once per client. Credentials never leave it: every URL it hands out or shows is
/// without them.
/// </summary>
public sealed class PyPIClient : IPackageIndex, IDisposable
{
    private readonly ClientLifetime _lifetime;
    private readonly HttpFetcher? _fetcher;
    private readonly ClientLog _log;
    private readonly ProjectLister _lister;
    private readonly MetadataLookup _metadata;
    private readonly DistributionSource _distributions;
    private readonly WholeWheelMetadata _wholeWheels;
    private readonly DiskCache? _cache;
    private readonly SharedTasks<PackageName, ProjectListing?> _projects = new();
    private readonly SharedTasks<string, CoreMetadata> _metadataTasks = new(StringComparer.Ordinal);
    private readonly SharedTasks<string, DigestSet> _digestTasks = new(StringComparer.Ordinal);
    private readonly SharedTasks<string, VerifiedDistribution> _bytesTasks = new(StringComparer.Ordinal);
    private int _disposed;

    /// <exception cref="ArgumentException">An index URL is not an absolute http(s) URL.</exception>
    /// <exception cref="NetrcFormatException">The .netrc text is malformed.</exception>
    public PyPIClient(PyPIClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var credentials = new CredentialStore(options.NetrcText is { } netrc ? NetrcFile.Parse(netrc) : NetrcFile.Empty);
        Indexes = [.. new[] { options.IndexUrl }.Concat(options.ExtraIndexUrls).Select(url => new IndexLocation(credentials.Strip(url)))];
        _log = new ClientLog(options.Log, credentials);
        _lifetime = new ClientLifetime(options.Deadline);
        var cache = _cache = options.CacheDirectory is { } directory ? new DiskCache(directory, message => _log.Warning(null, message)) : null;
        _fetcher = options.Offline
            ? null
            : new HttpFetcher(options.HandlerFactory?.Invoke() ?? HttpFetcher.CreateDefaultHandler(options), credentials, _log, options, _lifetime);
        var documents = new DocumentSource(_fetcher, cache, _log, options.Refresh);
        var origins = new FileOrigins();
        _distributions = new DistributionSource(_fetcher, cache, options.Refresh);
        _lister = new ProjectLister(Indexes, documents, credentials, origins);
        _wholeWheels = new WholeWheelMetadata(_distributions, cache, _log, options.WholeWheelMetadataBytes, options.Refresh);
        _metadata = new MetadataLookup(Indexes, documents, _distributions, _wholeWheels, origins, _log, options.MaxArchiveBytes);
    }

    public PyPIClientOptions Options { get; }

    /// <summary>What the client has done so far: requests, 304s, cache hits, retries, bytes received.</summary>
    public IndexClientCounts Counts => _log.Counts;

    /// <summary>
    /// Cache entries that could not be written so far (a read-only or full disk, a cache folder
    /// that is a file; see <see cref="FlushCache"/>). Null when none failed, or without a cache.
    /// </summary>
    public CacheWriteFailures? CacheWriteFailures => _cache?.WriteFailures;

    /// <summary>Waits until the cache entries written so far are on disk (they are written behind the run).</summary>
    public void FlushCache() => _cache?.Flush();

    internal IReadOnlyList<IndexLocation> Indexes { get; }

    /// <inheritdoc />
    public Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _projects.GetOrStart(name, n => Translate(() => _lister.ListAsync(n), null), cancellationToken);
    }

    /// <summary>Every distribution file of a project over all configured indexes.</summary>
    /// <exception cref="PackageNotFoundException">No configured index has the project.</exception>
    /// <exception cref="IndexUnavailableException">The index could not be reached or kept failing.</exception>
    public async Task<ProjectListing> GetProjectAsync(PackageName name, CancellationToken cancellationToken) =>
        await FindProjectAsync(name, cancellationToken).ConfigureAwait(false) ?? throw new PackageNotFoundException(name, _lister.Where);

    /// <inheritdoc />
    public Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ThrowIfDisposed();
        return _metadataTasks.GetOrStart(Key(file), _ => Translate(() => _metadata.ReadAsync(file), file.Filename), cancellationToken);
    }

    /// <summary>
    /// The file's sha256: the index's digest when it states one (downloaded and compared when
    /// <see cref="PyPIClientOptions.VerifyIndexDigests"/> is set), else computed from the bytes as
    /// they download. Computed digests are cached by URL and the index's digest.
    /// </summary>
    /// <exception cref="HashMismatchException">The bytes do not match the index's digest.</exception>
    public Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken) =>
        GetSha256Async(file, [], cancellationToken);

    /// <inheritdoc/>
    public bool TryGetSha256WithoutRequest(DistributionFile file, out Sha256Digest sha256)
    {
        ArgumentNullException.ThrowIfNull(file);
        sha256 = file.Sha256 ?? default;
        return file.Sha256 is not null && !Options.VerifyIndexDigests;
    }

    /// <summary>
    /// As <see cref="GetSha256Async(DistributionFile, CancellationToken)"/>, and the file must match
    /// one of <paramref name="pins"/> (pip's <c>--hash</c> rule). A sha256 pin is compared with the
    /// index's digest; sha384 and sha512 pins need the bytes, which are then downloaded.
    /// </summary>
    /// <exception cref="HashMismatchException">No pin matches, or the bytes do not match the index's digest.</exception>
    public async Task<Sha256Digest> GetSha256Async(DistributionFile file, IReadOnlyCollection<HashPin> pins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(pins);
        ThrowIfDisposed();
        var algorithms = HashAlgorithms.ExtraFor(pins);
        DigestSet digests;
        if (TryGetSha256WithoutRequest(file, out var stated) && (algorithms.Count == 0 || new DigestSet(stated).MatchesAny(pins)))
        {
            digests = new DigestSet(stated);
        }
        else
        {
            var key = $"{Key(file)} {string.Join(',', algorithms)}";
            digests = await _digestTasks.GetOrStart(key, _ => Translate(() => _distributions.HashAsync(file, algorithms), file.Filename), cancellationToken);
        }
        if (pins.Count > 0 && !digests.MatchesAny(pins))
        {
            throw new HashMismatchException(file.Filename, string.Join(" or ", pins), $"sha256:{digests.Sha256.ToHex()}");
        }
        return digests.Sha256;
    }

    /// <summary>
    /// The file's bytes in memory, verified against the index's digest, for a caller that reads
    /// inside a distribution (the emitter reads an sdist's pyproject.toml with
    /// <see cref="DistributionArchive.ReadSdistMember"/>). Kept in the cache by sha256.
    /// </summary>
    /// <exception cref="DistributionTooLargeException">The file is larger than <paramref name="maxBytes"/>.</exception>
    public Task<VerifiedDistribution> GetDistributionAsync(DistributionFile file, long maxBytes, CancellationToken cancellationToken) =>
        GetDistributionAsync(file, maxBytes, keepBytes: true, cancellationToken);

    /// <summary>
    /// As <see cref="GetDistributionAsync(DistributionFile, long, CancellationToken)"/>; without
    /// <paramref name="keepBytes"/> a download is not kept in the cache (bytes already there are used).
    /// A wheel this client read whole for its metadata is not downloaded again.
    /// </summary>
    public Task<VerifiedDistribution> GetDistributionAsync(DistributionFile file, long maxBytes, bool keepBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ThrowIfDisposed();
        return _bytesTasks.GetOrStart(
            $"{Key(file)} {maxBytes} {keepBytes}",
            _ => Translate(() => ReadDistributionAsync(file, maxBytes, keepBytes), file.Filename),
            cancellationToken);
    }

    /// <summary>
    /// The bytes of the read made for the file's metadata (done or under way) when there was one
    /// and it succeeded within <paramref name="maxBytes"/>; else read here, which reports any failure.
    /// </summary>
    private async Task<VerifiedDistribution> ReadDistributionAsync(DistributionFile file, long maxBytes, bool keepBytes)
    {
        if (file.Sha256 is { } digest && _wholeWheels.Started(digest) is { } started)
        {
            try
            {
                var wheel = await started;
                if (wheel.Bytes.Length <= maxBytes)
                {
                    return wheel.Filename == file.Filename ? wheel : new VerifiedDistribution(file.Filename, digest, wheel.Bytes);
                }
            }
            catch (Exception e) when (e is IndexException or OfflineMissException)
            {
                // Read again below, which fails (or not) on its own account.
            }
        }
        return await _distributions.GetBytesAsync(file, maxBytes, keepBytes);
    }

    /// <summary>Ends the client's requests, and waits until the cache entries it wrote are on disk.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _lifetime.Dispose();
        _fetcher?.Dispose();
        _cache?.Dispose();
    }

    /// <summary>Turns what the layers below throw into the <see cref="IndexException"/>s the port promises.</summary>
    private async Task<T> Translate<T>(Func<Task<T>> operation, string? filename)
    {
        try
        {
            return await operation();
        }
        catch (OfflineMissException miss)
        {
            var listed = string.Join(", ", miss.Missing.Select(UrlRedactor.Redact));
            throw new IndexUnavailableException(UrlRedactor.Redact(miss.Missing[0]), _log.Redact($"offline, and the cache lacks what is needed: {listed}"));
        }
        catch (CoreMetadataException e) when (filename is not null)
        {
            throw new InvalidMetadataException(filename, $"its metadata is unusable: {e.Message}", e);
        }
        catch (DistributionArchiveException e) when (filename is not null)
        {
            throw new InvalidMetadataException(filename, e.Reason, e);
        }
        catch (OperationCanceledException e) when (_lifetime.Token.IsCancellationRequested)
        {
            throw new IndexUnavailableException(filename ?? Indexes[0].Display, _lifetime.Reason, e);
        }
    }

    /// <summary>What identifies a file's answers: its URL and everything the index said about it that changes them.</summary>
    private static string Key(DistributionFile file) =>
        $"{file.Url.AbsoluteUri} {file.Sha256?.ToHex()} {file.HasCoreMetadata}:{file.CoreMetadataSha256?.ToHex()} {file.Size}";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
