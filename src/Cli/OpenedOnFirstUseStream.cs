namespace Req2Nix.Cli;

/// <summary>
/// A standard stream opened when first read or written. Opening one makes the process's first
/// <see cref="Microsoft.Win32.SafeHandles.SafeFileHandle"/>, which .NET builds by reflection (a few
/// milliseconds at start-up, on the main thread); a run with <c>-o</c> never writes to stdout, and
/// one that reads no <c>-</c> input never reads stdin. Flushing or closing a stream never opened
/// does nothing.
/// </summary>
internal sealed class OpenedOnFirstUseStream(Func<Stream> open, bool canRead, bool canWrite) : Stream
{
    private Stream? _opened;

    private Stream Opened => _opened ??= open();

    public override bool CanRead => canRead;

    public override bool CanWrite => canWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Opened.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => Opened.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Opened.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Opened.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => Opened.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => Opened.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Opened.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Opened.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => _opened?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _opened?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _opened?.Dispose();
        }
        base.Dispose(disposing);
    }
}
