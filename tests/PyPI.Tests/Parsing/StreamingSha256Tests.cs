using System.Security.Cryptography;
using Req2Nix.PyPI.Hashing;

namespace Req2Nix.PyPI.Tests.Parsing;

public sealed class StreamingSha256Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(StreamingHasher.BufferSize - 1)]
    [InlineData(StreamingHasher.BufferSize)]
    [InlineData((3 * StreamingHasher.BufferSize) + 17)]
    public async Task Hashes_a_stream_read_in_any_number_of_chunks(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        var digest = await StreamingSha256.HashAsync(new TricklingStream(bytes));

        Assert.Equal(SHA256.HashData(bytes), digest.Bytes.ToArray());
    }

    [Fact]
    public async Task Computes_the_algorithms_a_pin_needs_and_passes_every_chunk_on()
    {
        var bytes = new byte[1_000_000];
        new Random(7).NextBytes(bytes);
        using var hasher = new StreamingHasher(["sha384", "sha512"]);
        using var copy = new MemoryStream();

        await hasher.ConsumeAsync(new TricklingStream(bytes), chunk => copy.Write(chunk), default);
        var digests = hasher.Finish();

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(bytes.Length, hasher.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA384.HashData(bytes)), digests.Hex("sha384"));
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(bytes)), digests.Hex("sha512"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), digests.Hex("sha256"));
    }

    [Fact]
    public async Task A_failing_observer_stops_the_read()
    {
        using var hasher = new StreamingHasher();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await hasher.ConsumeAsync(new TricklingStream(new byte[1_000_000]), _ => throw new InvalidOperationException("stop"), default));
    }

    /// <summary>Returns fewer bytes than asked, as a network stream does.</summary>
    private sealed class TricklingStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _reads;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var size = (++_reads % 3) switch { 0 => 1, 1 => 4096, _ => buffer.Length };
            return base.ReadAsync(buffer[..Math.Min(size, buffer.Length)], cancellationToken);
        }
    }
}
