using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.PyPI.Http;

namespace Req2Nix.PyPI.Caching;

/// <summary>
/// The on-disk cache under the directory the CLI gives. Documents are keyed by their URL (always
/// without credentials) in <c>http-v2/</c>; distributions by their sha256 in <c>blobs-v2/</c>. The
/// folders are flat: a cold run writes hundreds of entries, and creating a shard folder for most of
/// them cost more than the entries themselves (ext4 spreads new folders over its block groups).
/// Entries are written behind the run by one <see cref="CacheFileWriter"/>, each whole or not at
/// all, and answered from memory until they are on disk; disposing waits for them. Every read
/// checks the entry, and a damaged one is deleted and reported as missing. I/O errors make the
/// cache miss, never the client fail.
/// </summary>
internal sealed class DiskCache : IDisposable
{
    private readonly string _documents;
    private readonly string _blobs;
    private readonly Action<string> _warn;
    private readonly CacheFileWriter _writer;

    public DiskCache(string root, Action<string> warn)
    {
        Root = Path.GetFullPath(root);
        _documents = Path.Combine(Root, "http-v2");
        _blobs = Path.Combine(Root, "blobs-v2");
        _warn = warn;
        _writer = new CacheFileWriter(warn, [_documents, _blobs]);
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

    public void Write(CachedHeaders headers, ReadOnlySpan<byte> body)
    {
        var header = CacheEntryFormat.Header(headers, body);
        var entry = new byte[header.Length + body.Length];
        header.CopyTo(entry, 0);
        body.CopyTo(entry.AsSpan(header.Length));
        _writer.Write(DocumentPath(headers.Url), entry);
    }

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

    /// <param name="bytes">Given up by the caller, which must not change them afterwards.</param>
    public void WriteBlob(Sha256Digest digest, byte[] bytes) => _writer.Write(BlobPath(digest), bytes);

    /// <summary>The entries that could not be written so far; null when none failed.</summary>
    public CacheWriteFailures? WriteFailures => _writer.Failures;

    /// <summary>Waits until the entries written so far are on disk (or have failed).</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Waits until every entry written is on disk.</summary>
    public void Dispose() => _writer.Dispose();

    private PooledBuffer? TryReadFile(string path)
    {
        if (_writer.TryAnswer(path, out var known))
        {
            if (known is null)
            {
                return null;
            }
            var copy = new PooledBuffer(known.Length);
            copy.Append(known);
            return copy;
        }
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

    private void DeleteFile(string path)
    {
        _writer.Forget(path);
        if (!CacheFileWriter.TryDelete(path))
        {
            _warn($"the damaged cache entry {path} cannot be deleted");
        }
    }
}
