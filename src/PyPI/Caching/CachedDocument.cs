using Req2Nix.PyPI.Http;

namespace Req2Nix.PyPI.Caching;

/// <summary>A cache entry read back: its headers and its body, in a pooled buffer the document owns.</summary>
internal sealed class CachedDocument : IDisposable
{
    private readonly PooledBuffer _storage;
    private readonly int _bodyOffset;

    /// <param name="storage">The buffer that holds the body from <paramref name="bodyOffset"/> to its end.</param>
    public CachedDocument(CachedHeaders headers, PooledBuffer storage, int bodyOffset)
    {
        Headers = headers;
        _storage = storage;
        _bodyOffset = bodyOffset;
    }

    public CachedHeaders Headers { get; }

    public ReadOnlyMemory<byte> Body => _storage.Memory[_bodyOffset..];

    public void Dispose() => _storage.Dispose();
}
