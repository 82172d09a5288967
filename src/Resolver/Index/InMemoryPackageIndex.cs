using System.Collections.Concurrent;
using System.Text;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Resolver.Index;

/// <summary>
/// An <see cref="IPackageIndex"/> held in memory, for tests and for tools that already have the
/// data: releases are declared with their Requires-Dist and files; digests are the sha256 of the
/// file name (stand-in content). It counts the requests it answers.
/// </summary>
public sealed class InMemoryPackageIndex : IPackageIndex
{
    private const string BaseUrl = "https://files.example.invalid/";

    private readonly ConcurrentDictionary<PackageName, List<InMemoryRelease>> _projects = new();
    private readonly ConcurrentDictionary<string, InMemoryRelease> _releasesByUrl = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private int _projectRequests;
    private int _metadataRequests;
    private int _digestRequests;

    /// <summary>Added to every answer (to make concurrency visible in tests); zero by default.</summary>
    public TimeSpan Latency { get; init; }

    public int ProjectRequests => Volatile.Read(ref _projectRequests);

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int DigestRequests => Volatile.Read(ref _digestRequests);

    /// <summary>Every request in arrival order: <c>project NAME</c>, <c>metadata FILE</c>, <c>sha256 FILE</c>.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>Adds a release with a pure wheel and the given Requires-Dist lines.</summary>
    public InMemoryPackageIndex Add(string name, string version, params string[] requiresDist) =>
        Add(new InMemoryRelease(name, version) { RequiresDist = requiresDist });

    public InMemoryPackageIndex Add(InMemoryRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var project = PackageName.Parse(release.Name);
        var releases = _projects.GetOrAdd(project, _ => []);
        lock (releases)
        {
            releases.Add(release);
        }
        foreach (var filename in release.FilenamesOrDefault())
        {
            _releasesByUrl[UrlOf(project, filename)] = release;
        }
        return this;
    }

    /// <summary>Makes <paramref name="url"/> serve <paramref name="release"/>'s metadata (a direct URL requirement).</summary>
    public InMemoryPackageIndex AddDirect(string url, InMemoryRelease release)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(release);
        _releasesByUrl[StripFragment(url)] = release;
        return this;
    }

    /// <exception cref="PackageNotFoundException">The index does not have the project.</exception>
    public async Task<ProjectListing> GetProjectAsync(PackageName name, CancellationToken cancellationToken) =>
        await FindProjectAsync(name, cancellationToken).ConfigureAwait(false) ?? throw new PackageNotFoundException(name, "in-memory index");

    public async Task<ProjectListing?> FindProjectAsync(PackageName name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _projectRequests);
        _log.Enqueue($"project {name}");
        await DelayAsync(cancellationToken).ConfigureAwait(false);
        if (!_projects.TryGetValue(name, out var releases))
        {
            return null;
        }
        List<InMemoryRelease> snapshot;
        lock (releases)
        {
            snapshot = [.. releases];
        }
        var files = new List<DistributionFile>();
        foreach (var release in snapshot)
        {
            foreach (var filename in release.FilenamesOrDefault())
            {
                files.Add(new DistributionFile(filename, new Uri(UrlOf(name, filename)))
                {
                    Sha256 = DigestOf(filename),
                    RequiresPython = release.RequiresPythonOnFiles ? release.RequiresPython : null,
                    Yanked = release.Yanked,
                    YankedReason = release.Yanked ? release.YankedReason : null,
                    HasCoreMetadata = filename.EndsWith(".whl", StringComparison.Ordinal),
                });
            }
        }
        return new ProjectListing(name, files);
    }

    public async Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        Interlocked.Increment(ref _metadataRequests);
        _log.Enqueue($"metadata {file.Filename}");
        await DelayAsync(cancellationToken).ConfigureAwait(false);
        if (!_releasesByUrl.TryGetValue(StripFragment(file.Url.ToString()), out var release))
        {
            throw new IndexUnavailableException(file.Url.ToString(), "404 Not Found");
        }
        return release.ToMetadata();
    }

    public async Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        Interlocked.Increment(ref _digestRequests);
        _log.Enqueue($"sha256 {file.Filename}");
        await DelayAsync(cancellationToken).ConfigureAwait(false);
        return file.Sha256 ?? DigestOf(file.Filename);
    }

    /// <summary>The digest this index states for a file name (the sha256 of the name's UTF-8 bytes).</summary>
    public static Sha256Digest DigestOf(string filename) => Sha256Digest.Compute(Encoding.UTF8.GetBytes(filename));

    private static string UrlOf(PackageName project, string filename) => $"{BaseUrl}{project}/{filename}";

    private static string StripFragment(string url) => url.Split('#')[0];

    private Task DelayAsync(CancellationToken cancellationToken) =>
        Latency > TimeSpan.Zero ? Task.Delay(Latency, cancellationToken) : Task.CompletedTask;
}

/// <summary>A release of an <see cref="InMemoryPackageIndex"/>.</summary>
public sealed record InMemoryRelease(string Name, string Version)
{
    public IReadOnlyList<string> RequiresDist { get; init; } = [];

    public string? RequiresPython { get; init; }

    /// <summary>Whether the listing states <see cref="RequiresPython"/> for the files too (PEP 503 <c>data-requires-python</c>); else only the metadata does.</summary>
    public bool RequiresPythonOnFiles { get; init; } = true;

    /// <summary>Provides-Extra; by default, every extra the Requires-Dist markers test for.</summary>
    public IReadOnlyList<string>? ProvidesExtra { get; init; }

    public bool Yanked { get; init; }

    public string? YankedReason { get; init; }

    /// <summary>The file names; by default one pure wheel, <c>name-version-py3-none-any.whl</c>.</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>The name the metadata states, when it should differ from <see cref="Name"/>.</summary>
    public string? MetadataName { get; init; }

    /// <summary>The version the metadata states, when it should differ from <see cref="Version"/>.</summary>
    public string? MetadataVersion { get; init; }

    internal IReadOnlyList<string> FilenamesOrDefault() =>
        Files ?? [$"{PackageName.NormalizeForFilename(Name)}-{Version}-py3-none-any.whl"];

    internal CoreMetadata ToMetadata()
    {
        var valid = new List<Requirement>();
        var invalid = new List<string>();
        foreach (var line in RequiresDist)
        {
            if (Requirement.TryParse(line, out var requirement, out _))
            {
                valid.Add(requirement);
            }
            else
            {
                invalid.Add(line);
            }
        }
        var extras = ProvidesExtra?.Select(ExtraName.Parse)
            ?? valid.Where(requirement => requirement.Marker is not null).SelectMany(requirement => requirement.Marker!.ReferencedExtras).Distinct();
        return new CoreMetadata(MetadataName ?? Name, Pep440Version.Parse(MetadataVersion ?? Version))
        {
            RequiresDist = valid,
            InvalidRequiresDist = invalid,
            RequiresPython = RequiresPython,
            ProvidesExtra = [.. extras],
        };
    }
}
