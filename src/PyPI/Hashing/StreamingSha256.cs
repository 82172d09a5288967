using Req2Nix.Packaging.Hashing;

namespace Req2Nix.PyPI.Hashing;

/// <summary>The sha256 of a stream, read to its end with reads running ahead of hashing over pooled buffers.</summary>
public static class StreamingSha256
{
    public static async Task<Sha256Digest> HashAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hasher = new StreamingHasher();
        await hasher.ConsumeAsync(stream, null, cancellationToken);
        return hasher.Finish().Sha256;
    }

    /// <summary>The sha256 of a file, opened for sequential asynchronous reading.</summary>
    public static async Task<Sha256Digest> HashFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await HashAsync(file, cancellationToken);
    }
}
