using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Req2Nix.PyPI.Hashing;

namespace Req2Nix.Benchmarks;

/// <summary>
/// The client's streaming sha256 over 16 MiB in memory against one-shot hashing of the same bytes:
/// the cost of reading ahead over pooled buffers, and proof that it allocates nothing per chunk.
/// </summary>
[MemoryDiagnoser]
public class HashBenchmarks
{
    private readonly byte[] _data = new byte[16 * 1024 * 1024];

    [GlobalSetup]
    public void Setup() => RandomNumberGenerator.Fill(_data);

    [Benchmark(Baseline = true)]
    public byte[] OneShot() => SHA256.HashData(_data);

    [Benchmark]
    public async Task<byte[]> Streaming()
    {
        using var stream = new MemoryStream(_data, writable: false);
        return (await StreamingSha256.HashAsync(stream)).Bytes.ToArray();
    }
}
