namespace Req2Nix.PyPI.Http;

/// <summary>
/// A connection to nowhere: what is written to it is dropped, and reading gives one canned HTTP
/// response, then the end of the stream. <see cref="ClientWarmUp"/> hands it to a
/// <see cref="SocketsHttpHandler"/> in place of a socket, so that a request goes through the whole
/// HTTP client without leaving the process.
/// </summary>
internal sealed class CannedConnection(byte[] response) : Stream
{
    private readonly MemoryStream _response = new(response, writable: false);

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _response.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _response.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_response.Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(_response.Read(buffer, offset, count));

    public override void Write(byte[] buffer, int offset, int count)
    {
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _response.Dispose();
        }
        base.Dispose(disposing);
    }
}
