using System.Text;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Metadata;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Archives;

/// <summary>
/// What req2nix reads inside a distribution held in memory: the core metadata of a wheel
/// (<c>*.dist-info/METADATA</c>) or an sdist (<c>PKG-INFO</c>, with <c>*.egg-info/requires.txt</c>
/// when PKG-INFO does not list dependencies), and any member of an sdist's top folder (the emitter
/// reads <c>pyproject.toml</c>).
/// </summary>
public static class DistributionArchive
{
    private const string DistInfoMetadata = ".dist-info/METADATA";
    private const string EggInfoRequiresTxt = ".egg-info/requires.txt";

    /// <summary>
    /// The core metadata of the wheel or sdist <paramref name="filename"/> whose bytes are
    /// <paramref name="archive"/>. Throws <see cref="DistributionArchiveException"/> when the archive
    /// cannot be read or has no metadata, <see cref="CoreMetadataException"/> when the metadata is unusable.
    /// </summary>
    public static CoreMetadata ReadCoreMetadata(ReadOnlyMemory<byte> archive, string filename)
    {
        ArgumentNullException.ThrowIfNull(filename);
        return filename.EndsWith(WheelFilename.WheelExtension, StringComparison.OrdinalIgnoreCase)
            ? ReadWheelMetadata(archive, filename)
            : ReadSdistMetadata(archive, filename);
    }

    /// <summary>
    /// The member <paramref name="relativePath"/> (e.g. <c>pyproject.toml</c>) of an sdist's top-level
    /// folder, or null when the sdist has none.
    /// </summary>
    public static byte[]? ReadSdistMember(ReadOnlyMemory<byte> archive, string filename, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(filename);
        ArgumentNullException.ThrowIfNull(relativePath);
        var members = ArchiveMembers.Read(archive, filename, path => IsInTopFolder(path, relativePath));
        return members.Count == 0 ? null : members.MinBy(m => m.Key, StringComparer.Ordinal).Value;
    }

    /// <summary>
    /// The bytes of the wheel's own <c>*.dist-info/METADATA</c>, as they are (PEP 658 serves the same
    /// file as <c>{wheel}.metadata</c>). Throws <see cref="DistributionArchiveException"/> when the
    /// archive cannot be read or has no metadata.
    /// </summary>
    internal static byte[] ReadWheelMetadataFile(ReadOnlyMemory<byte> archive, string filename)
    {
        // Only a top-level folder's METADATA: the first slash is the one before "METADATA".
        var members = ArchiveMembers.Read(archive, filename, path =>
            path.EndsWith(DistInfoMetadata, StringComparison.Ordinal) && path.IndexOf('/', StringComparison.Ordinal) == path.Length - "/METADATA".Length);
        if (members.Count == 0)
        {
            throw new DistributionArchiveException(filename, "the wheel has no *.dist-info/METADATA");
        }
        return members.Count == 1 ? members.First().Value : ChooseDistInfo(members, filename).Value;
    }

    private static CoreMetadata ReadWheelMetadata(ReadOnlyMemory<byte> archive, string filename) =>
        CoreMetadataFile.Parse(Decode(ReadWheelMetadataFile(archive, filename))).ToCoreMetadata();

    private static KeyValuePair<string, byte[]> ChooseDistInfo(Dictionary<string, byte[]> members, string filename)
    {
        if (WheelFilename.TryParse(filename, out var wheel))
        {
            foreach (var member in members)
            {
                var folder = member.Key[..^DistInfoMetadata.Length];
                var dash = folder.LastIndexOf('-');
                if (dash > 0 && PackageName.TryParse(folder[..dash], out var name) && name == wheel.Name)
                {
                    return member;
                }
            }
        }
        throw new DistributionArchiveException(filename, $"the wheel has {members.Count} *.dist-info folders and none is the wheel's own");
    }

    private static CoreMetadata ReadSdistMetadata(ReadOnlyMemory<byte> archive, string filename)
    {
        var members = ArchiveMembers.Read(archive, filename, path =>
            IsInTopFolder(path, "PKG-INFO") || path.EndsWith(EggInfoRequiresTxt, StringComparison.Ordinal));
        var pkgInfo = members.FirstOrDefault(m => m.Key.EndsWith("/PKG-INFO", StringComparison.Ordinal));
        if (pkgInfo.Value is null)
        {
            throw new DistributionArchiveException(filename, "the sdist has no PKG-INFO in its top folder");
        }
        var file = CoreMetadataFile.Parse(Decode(pkgInfo.Value));
        if (file.RequiresDist.Count > 0 || file.RequiresDistIsFinal)
        {
            return file.ToCoreMetadata();
        }
        var requires = members
            .Where(m => m.Key.EndsWith(EggInfoRequiresTxt, StringComparison.Ordinal))
            .OrderBy(m => m.Key.Count(c => c == '/'))
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => EggInfoRequires.Parse(Decode(m.Value)))
            .FirstOrDefault();
        return requires is null
            ? file.ToCoreMetadata()
            : file.ToCoreMetadata(requires.RequiresDist, requires.ProvidesExtra);
    }

    /// <summary><c>top/relativePath</c>: exactly one folder above the member.</summary>
    private static bool IsInTopFolder(string path, string relativePath)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && path.AsSpan(slash + 1).SequenceEqual(relativePath);
    }

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
