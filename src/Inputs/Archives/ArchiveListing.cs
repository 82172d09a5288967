using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;
using Req2Nix.Packaging.Distributions;

namespace Req2Nix.Inputs.Archives;

/// <summary>
/// One pass over a zip, tar, tar.gz or tar.bz2 in memory: the names of its regular files
/// (normalized, hostile ones left out) and the contents of the few that are wanted, all within
/// <see cref="ArchiveLimits"/>. Zip entries that are not wanted are never decompressed; a tar is
/// decompressed to its end, under the uncompressed budget.
/// </summary>
internal sealed class ArchiveListing
{
    private ArchiveListing()
    {
    }

    /// <summary>The regular files, normalized, in archive order.</summary>
    public List<string> Files { get; } = [];

    /// <summary>The contents of the wanted files, by normalized name.</summary>
    public Dictionary<string, byte[]> Contents { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public static ArchiveListing Read(string filename, ReadOnlyMemory<byte> bytes, ArchiveLimits limits, Func<string, bool> wanted)
    {
        if (bytes.Length > limits.MaxCompressedBytes)
        {
            throw new ArchiveException(filename, $"it is larger than {limits.MaxCompressedBytes} bytes");
        }
        var listing = new ArchiveListing();
        var lower = filename.ToLowerInvariant();
        try
        {
            if (lower.EndsWith(".whl", StringComparison.Ordinal) || lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                listing.ReadZip(filename, bytes, limits, wanted);
            }
            else if (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal))
            {
                listing.ReadTar(filename, new GZipStream(AsStream(bytes), CompressionMode.Decompress), limits, wanted);
            }
            else if (lower.EndsWith(".tar.bz2", StringComparison.Ordinal))
            {
                listing.ReadTar(filename, new BZip2InputStream(AsStream(bytes)), limits, wanted);
            }
            else if (lower.EndsWith(".tar", StringComparison.Ordinal))
            {
                listing.ReadTar(filename, AsStream(bytes), limits, wanted);
            }
            else
            {
                throw new ArchiveException(filename, "not a wheel or an sdist req2nix can read (.whl, .zip, .tar.gz, .tgz, .tar.bz2, .tar)");
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException
            or ICSharpCode.SharpZipLib.SharpZipBaseException or ArgumentException or NotSupportedException)
        {
            throw new ArchiveException(filename, $"the archive is corrupt or of another kind: {e.Message}", e);
        }
        return listing;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private void ReadZip(string filename, ReadOnlyMemory<byte> bytes, ArchiveLimits limits, Func<string, bool> wanted)
    {
        // The central directory is parsed whole when the archive opens: count its entries first.
        var declared = DeclaredZipEntries(filename, bytes.Span);
        if (declared > (ulong)limits.MaxEntries)
        {
            throw new ArchiveException(filename, $"it lists {declared} entries, more than {limits.MaxEntries}");
        }
        using var archive = new ZipArchive(AsStream(bytes), ZipArchiveMode.Read);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw new ArchiveException(filename, $"it lists more than {limits.MaxEntries} entries");
        }
        long unpacked = 0;
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/') || ArchivePath.Normalize(entry.FullName) is not { } name)
            {
                continue;
            }
            Files.Add(name);
            if (!wanted(name) || Contents.ContainsKey(name))
            {
                continue;
            }
            using var data = new BudgetStream(entry.Open(), filename, limits.MaxUncompressedBytes - unpacked);
            if (ReadCapped(data, name, limits.MaxMetadataFileBytes, entry.Length) is { } content)
            {
                Contents[name] = content;
            }
            unpacked += data.Position;
        }
    }

    private void ReadTar(string filename, Stream decompressed, ArchiveLimits limits, Func<string, bool> wanted)
    {
        using var budgeted = new BudgetStream(decompressed, filename, limits.MaxUncompressedBytes);
        using var reader = new TarReader(budgeted);
        var count = 0;
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (++count > limits.MaxEntries)
            {
                throw new ArchiveException(filename, $"it holds more than {limits.MaxEntries} entries");
            }
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)
                || ArchivePath.Normalize(entry.Name) is not { } name)
            {
                continue;
            }
            Files.Add(name);
            if (wanted(name) && !Contents.ContainsKey(name) && entry.DataStream is { } data
                && ReadCapped(data, name, limits.MaxMetadataFileBytes, entry.Length) is { } content)
            {
                Contents[name] = content;
            }
        }
    }

    private byte[]? ReadCapped(Stream data, string name, int cap, long declaredLength)
    {
        var content = ArchiveMemberBytes.ReadAtMost(data, cap, declaredLength);
        if (content is null)
        {
            Warnings.Add($"{name} is larger than {cap} bytes; it was not read");
        }
        return content;
    }

    /// <summary>The entry count of a zip's end of central directory record (its zip64 form when the short one says 0xFFFF).</summary>
    private static ulong DeclaredZipEntries(string filename, ReadOnlySpan<byte> zip)
    {
        const int EndRecordSize = 22;
        var searchStart = Math.Max(0, zip.Length - EndRecordSize - ushort.MaxValue);
        for (var at = zip.Length - EndRecordSize; at >= searchStart; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[at..]) != 0x06054b50)
            {
                continue;
            }
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip[(at + 10)..]);
            if (entries != ushort.MaxValue || at < 20)
            {
                return entries;
            }
            // The zip64 locator sits right before the record and points at the zip64 end record.
            var locator = zip[(at - 20)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != 0x07064b50)
            {
                return entries;
            }
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
            if (offset > (ulong)zip.Length - 56 || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)offset..]) != 0x06064b50)
            {
                throw new ArchiveException(filename, "its zip64 end of central directory is missing");
            }
            return BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)offset + 32)..]);
        }
        throw new ArchiveException(filename, "it is not a zip archive (no end of central directory)");
    }
}
