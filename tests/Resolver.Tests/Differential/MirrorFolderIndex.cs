using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// An <see cref="IPackageIndex"/> over a mirror folder written by the shared <c>mkindex.py</c>
/// (PEP 691 pages, PEP 658 metadata files), read from disk: the reference data without HTTP.
/// </summary>
internal sealed class MirrorFolderIndex : IPackageIndex
{
    private const string Placeholder = "http://req2nix-base.invalid";
    private readonly string _root;
    private readonly string _base;
    private int _projectRequests;
    private int _metadataRequests;

    public MirrorFolderIndex(string root, string baseUrl = "http://mirror.invalid")
    {
        _root = root;
        _base = baseUrl.TrimEnd('/');
    }

    public int ProjectRequests => Volatile.Read(ref _projectRequests);

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public async Task<ProjectListing> GetProjectAsync(PackageName name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _projectRequests);
        var page = Path.Combine(_root, "simple", name.Value, "index.json");
        if (!File.Exists(page))
        {
            throw new PackageNotFoundException(name, _root);
        }
        await using var stream = File.OpenRead(page);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var files = new List<DistributionFile>();
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            var url = file.GetProperty("url").GetString()!.Replace(Placeholder, _base, StringComparison.Ordinal);
            var yanked = file.TryGetProperty("yanked", out var yankedValue) ? yankedValue : default;
            files.Add(new DistributionFile(file.GetProperty("filename").GetString()!, new Uri(url))
            {
                Sha256 = file.GetProperty("hashes").TryGetProperty("sha256", out var digest) ? Sha256Digest.FromHex(digest.GetString()) : null,
                RequiresPython = file.TryGetProperty("requires-python", out var requiresPython) && requiresPython.ValueKind == JsonValueKind.String
                    ? requiresPython.GetString()
                    : null,
                Yanked = yanked.ValueKind is JsonValueKind.True or JsonValueKind.String,
                YankedReason = yanked.ValueKind == JsonValueKind.String ? yanked.GetString() : null,
                HasCoreMetadata = file.TryGetProperty("core-metadata", out var core) && core.ValueKind is not (JsonValueKind.False or JsonValueKind.Null),
            });
        }
        return new ProjectListing(name, files);
    }

    public async Task<CoreMetadata> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _metadataRequests);
        var path = LocalPath(file);
        if (file.HasCoreMetadata)
        {
            return CoreMetadataText.Parse(await File.ReadAllTextAsync(path + ".metadata", cancellationToken));
        }
        if (file.Filename.EndsWith(".whl", StringComparison.Ordinal))
        {
            using var wheel = ZipFile.OpenRead(path);
            var entry = wheel.Entries.Single(entry => entry.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal));
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return CoreMetadataText.Parse(await reader.ReadToEndAsync(cancellationToken));
        }
        await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            if (entry.Name.Count(c => c == '/') == 1 && entry.Name.EndsWith("/PKG-INFO", StringComparison.Ordinal) && entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                return CoreMetadataText.Parse(await reader.ReadToEndAsync(cancellationToken));
            }
        }
        throw new IndexUnavailableException(file.Url.ToString(), "the sdist has no PKG-INFO");
    }

    public async Task<Sha256Digest> GetSha256Async(DistributionFile file, CancellationToken cancellationToken) =>
        file.Sha256 ?? Sha256Digest.Compute(await File.ReadAllBytesAsync(LocalPath(file), cancellationToken));

    private string LocalPath(DistributionFile file) =>
        Path.Combine(_root, Uri.UnescapeDataString(file.Url.AbsolutePath).TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
}
