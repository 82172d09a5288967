using System.Buffers;
using System.Security.Cryptography;
using Req2Nix.Packaging.Hashing;

namespace Req2Nix.PyPI.Hashing;

/// <summary>
/// Hashes bytes as they arrive: sha256 always, plus the algorithms a pin needs, and optionally a
/// copy of the bytes. Reads run ahead of hashing — the next read is started before the current
/// buffer is hashed — over two pooled buffers, so reading and hashing overlap and nothing is
/// allocated per chunk.
/// </summary>
internal sealed class StreamingHasher : IDisposable
{
    /// <summary>The size of each of the two read buffers.</summary>
    public const int BufferSize = 256 * 1024;

    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly (string Algorithm, IncrementalHash Hash)[] _others;

    public StreamingHasher(IReadOnlyList<string>? otherAlgorithms = null)
    {
        otherAlgorithms ??= [];
        _others = new (string, IncrementalHash)[otherAlgorithms.Count];
        for (var i = 0; i < _others.Length; i++)
        {
            _others[i] = (otherAlgorithms[i], IncrementalHash.CreateHash(HashAlgorithms.NameOf(otherAlgorithms[i])));
        }
    }

    public long Length { get; private set; }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, hashing everything. <paramref name="onChunk"/> sees
    /// each chunk after it is hashed (to copy it, count it or re-arm a timeout); it may throw to stop.
    /// </summary>
    /// <param name="expectedLength">The length when known: a small stream gets small buffers.</param>
    public async ValueTask ConsumeAsync(Stream stream, ChunkObserver? onChunk, CancellationToken cancellationToken, long? expectedLength = null)
    {
        var size = expectedLength is { } length and < BufferSize ? (int)Math.Max(length + 1, 4096) : BufferSize;
        var current = ArrayPool<byte>.Shared.Rent(size);
        var next = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var read = await stream.ReadAsync(current.AsMemory(0, size), cancellationToken);
            while (read > 0)
            {
                var pending = stream.ReadAsync(next.AsMemory(0, size), cancellationToken);
                try
                {
                    Append(current.AsSpan(0, read));
                    onChunk?.Invoke(current.AsSpan(0, read));
                }
                catch
                {
                    await DrainAsync(pending);
                    throw;
                }
                var following = await pending;
                (current, next) = (next, current);
                read = following;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _sha256.AppendData(bytes);
        foreach (var (_, hash) in _others)
        {
            hash.AppendData(bytes);
        }
        Length += bytes.Length;
    }

    public DigestSet Finish()
    {
        Span<byte> sha256 = stackalloc byte[Sha256Digest.Length];
        _sha256.GetHashAndReset(sha256);
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (algorithm, hash) in _others)
        {
            others[algorithm] = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        return new DigestSet(Sha256Digest.FromBytes(sha256), others);
    }

    public void Dispose()
    {
        _sha256.Dispose();
        foreach (var (_, hash) in _others)
        {
            hash.Dispose();
        }
    }

    /// <summary>Waits for a read that was started before a failure, so its buffer can go back to the pool.</summary>
    private static async ValueTask DrainAsync(ValueTask<int> pending)
    {
        try
        {
            await pending;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Http.HttpRequestException)
        {
            // The first failure is the one reported.
        }
    }
}

/// <summary>Sees each chunk of a stream after it was hashed.</summary>
internal delegate void ChunkObserver(ReadOnlySpan<byte> chunk);
