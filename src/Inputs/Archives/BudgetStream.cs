namespace Req2Nix.Inputs.Archives;

/// <summary>A read-only view of a decompressing stream that fails once more than a budget of bytes has come out of it.</summary>
internal sealed class BudgetStream : Stream
{
    private readonly Stream _inner;
    private readonly string _filename;
    private readonly long _budget;
    private long _read;

    public BudgetStream(Stream inner, string filename, long budget)
    {
        _inner = inner;
        _filename = filename;
        _budget = budget;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        _read += read;
        if (_read > _budget)
        {
            throw new ArchiveException(_filename, $"it unpacks to more than {_budget} bytes");
        }
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
