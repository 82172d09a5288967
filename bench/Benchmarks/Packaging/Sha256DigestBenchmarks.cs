using BenchmarkDotNet.Attributes;
using Req2Nix.Packaging.Hashing;

namespace Req2Nix.Benchmarks.Packaging;

/// <summary>Reading and writing the three forms of a sha256 digest.</summary>
[MemoryDiagnoser]
public class Sha256DigestBenchmarks
{
    private readonly string _hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private readonly string _base32 = "1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s";
    private readonly string _sri = "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";
    private readonly Sha256Digest _digest = Sha256Digest.Compute("abc"u8);

    [Benchmark]
    public Sha256Digest ParseHex() => Sha256Digest.FromHex(_hex);

    [Benchmark]
    public Sha256Digest ParseNixBase32() => Sha256Digest.ParseNixBase32(_base32);

    [Benchmark]
    public Sha256Digest ParseSri() => Sha256Digest.ParseSri(_sri);

    [Benchmark]
    public string ToHex() => _digest.ToHex();

    [Benchmark]
    public string ToNixBase32() => _digest.ToNixBase32();

    [Benchmark]
    public string ToSri() => _digest.ToSri();
}
