using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Http;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// The on-disk cache under the directory the CLI gives. Documents are keyed by their URL (always
/// without credentials) in <c>http-v2/</c>; distributions by their sha256 in <c>blobs-v2/</c>. The
/// folders are flat: a cold run writes hundreds of entries, and creating a shard folder for most of
/// them cost more than the entries themselves (ext4 spreads new folders over its block groups). Every
/// write goes to a temporary file renamed into place, so readers (other processes too) see a whole
/// entry or none; every read checks the entry, and a damaged one is deleted and reported as missing.
/// I/O errors make the cache miss, never the client fail.
/// </summary>
internal sealed class DiskCache
{
    private readonly string _documents;
    private readonly string _blobs;
    private readonly Action<string> _warn;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _createdFolders = new(StringComparer.Ordinal);

    public DiskCache(string root, Action<string> warn)
    {
        Root = Path.GetFullPath(root);
        _documents = Path.Combine(Root, "http-v2");
        _blobs = Path.Combine(Root, "blobs-v2");
        _warn = warn;
    }

    public string Root { get; }

    /// <summary>The file that holds the entry for <paramref name="key"/> (exposed for tests and diagnostics).</summary>
    public string DocumentPath(string key)
    {
        var name = Sha256Digest.Compute(Encoding.UTF8.GetBytes(key)).ToHex();
        return Path.Combine(_documents, name);
    }

    public string BlobPath(Sha256Digest digest)
    {
        var name = digest.ToHex();
        return Path.Combine(_blobs, name);
    }

    public CachedDocument? TryRead(string key)
    {
        var path = DocumentPath(key);
        var entry = TryReadFile(path);
        if (entry is null)
        {
            return null;
        }
        var document = CacheEntryFormat.TryRead(entry, key);
        if (document is null)
        {
            entry.Dispose();
            _warn($"the cache entry {path} is damaged; it is fetched again");
            DeleteFile(path);
        }
        return document;
    }

    public void Write(CachedHeaders headers, ReadOnlySpan<byte> body) =>
        WriteAtomically(DocumentPath(headers.Url), CacheEntryFormat.Header(headers, body), body);

    public void Delete(string key) => DeleteFile(DocumentPath(key));

    /// <summary>The bytes stored for <paramref name="digest"/> when they still hash to it; null otherwise.</summary>
    public byte[]? TryReadBlob(Sha256Digest digest)
    {
        var path = BlobPath(digest);
        using var entry = TryReadFile(path);
        if (entry is null)
        {
            return null;
        }
        if (!Sha256Digest.Compute(entry.Span).Equals(digest))
        {
            _warn($"the cached file {path} is damaged; it is downloaded again");
            DeleteFile(path);
            return null;
        }
        return entry.ToArray();
    }

    public void WriteBlob(Sha256Digest digest, ReadOnlySpan<byte> bytes) => WriteAtomically(BlobPath(digest), [], bytes);

    private PooledBuffer? TryReadFile(string path)
    {
        // A cold run misses every entry: asking first is far cheaper than the exception opening throws.
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0);
            var length = file.Length;
            if (length > int.MaxValue - 1024)
            {
                return null;
            }
            var buffer = new PooledBuffer((int)length);
            var memory = buffer.GetFreeMemory((int)length).Span[..(int)length];
            file.ReadExactly(memory);
            buffer.Advance((int)length);
            return buffer;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn($"the cache entry {path} cannot be read ({e.Message}); it is fetched again");
            return null;
        }
    }

    private void WriteAtomically(string path, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        var temporary = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            if (!_createdFolders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _createdFolders.TryAdd(folder, true);
            }
            WriteAndRename(temporary, path, header, body);
        }
        catch (DirectoryNotFoundException) when (_createdFolders.TryRemove(folder, out _))
        {
            // The folder went away while this process ran: make it again, once.
            WriteAtomically(path, header, body);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn($"the cache entry {path} cannot be written ({e.Message}); continuing without it");
            TryDelete(temporary);
        }
    }

    private static void WriteAndRename(string temporary, string path, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            file.Write(header);
            file.Write(body);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private void DeleteFile(string path)
    {
        if (!TryDelete(path))
        {
            _warn($"the damaged cache entry {path} cannot be deleted");
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
