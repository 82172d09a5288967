using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Req2Nix.Packaging.Distributions;

namespace Req2Nix.PyPI.Archives;

/// <summary>
/// Reads chosen members of a zip (wheel, zip sdist) or tar (.tar, .tar.gz sdist) held in memory.
/// Member paths are given without a leading <c>./</c>; each member read is bounded in size.
/// </summary>
internal static class ArchiveMembers
{
    public const int MaxMemberBytes = 16 * 1024 * 1024;

    /// <summary>The regular-file members whose path <paramref name="select"/> accepts, by path.</summary>
    public static Dictionary<string, byte[]> Read(ReadOnlyMemory<byte> archive, string filename, Func<string, bool> select)
    {
        var kind = ArchiveKinds.Of(filename);
        try
        {
            using var stream = AsStream(archive);
            return kind switch
            {
                ArchiveKind.Zip => ReadZip(stream, filename, select),
                ArchiveKind.Tar => ReadTar(stream, filename, select),
                ArchiveKind.GzipTar => ReadGzipTar(stream, filename, select),
                _ => throw new DistributionArchiveException(filename, "the archive format is not supported (only .whl, .zip, .tar and .tar.gz are read)"),
            };
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException)
        {
            throw new DistributionArchiveException(filename, $"the archive is damaged: {e.Message}", e);
        }
    }

    private static Dictionary<string, byte[]> ReadGzipTar(Stream stream, string filename, Func<string, bool> select)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return ReadTar(gzip, filename, select);
    }

    private static Dictionary<string, byte[]> ReadZip(Stream stream, string filename, Func<string, bool> select)
    {
        var members = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            var path = Normalize(entry.FullName);
            if (path.EndsWith('/') || !select(path))
            {
                continue;
            }
            using var data = entry.Open();
            members[path] = ReadBounded(data, entry.Length, filename, path);
        }
        return members;
    }

    private static Dictionary<string, byte[]> ReadTar(Stream stream, string filename, Func<string, bool> select)
    {
        var members = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var tar = new TarReader(stream);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                continue;
            }
            var path = Normalize(entry.Name);
            if (entry.DataStream is { } data && select(path))
            {
                members[path] = ReadBounded(data, entry.Length, filename, path);
            }
        }
        return members;
    }

    private static byte[] ReadBounded(Stream data, long declaredLength, string filename, string path)
    {
        if (declaredLength > MaxMemberBytes)
        {
            throw new DistributionArchiveException(filename, $"{path} is {declaredLength} bytes, more than the {MaxMemberBytes} read from an archive member");
        }
        return ArchiveMemberBytes.ReadAtMost(data, MaxMemberBytes, declaredLength)
            ?? throw new DistributionArchiveException(filename, $"{path} is more than the {MaxMemberBytes} bytes read from an archive member");
    }

    private static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }
        return path.TrimStart('/');
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
