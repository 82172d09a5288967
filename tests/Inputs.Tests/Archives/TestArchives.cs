using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

namespace Req2Nix.Inputs.Tests.Archives;

/// <summary>Builds small archives in memory: name and content pairs, in the order given.</summary>
internal static class TestArchives
{
    public static byte[] Zip(params (string Name, string Content)[] entries) =>
        Zip(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))));

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    public static byte[] TarGz(params (string Name, string Content)[] entries) =>
        Compress(Tar(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content)))), s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true));

    public static byte[] TarGz(IEnumerable<(string Name, byte[] Content)> entries) =>
        Compress(Tar(entries), s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true));

    public static byte[] TarBz2(params (string Name, string Content)[] entries) =>
        Compress(Tar(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content)))), s => new BZip2OutputStream(s) { IsStreamOwner = false });

    public static byte[] Tar(IEnumerable<(string Name, byte[] Content)> entries)
    {
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
                writer.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(data);
        }
        return output.ToArray();
    }
}
