using BenchmarkDotNet.Attributes;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Benchmarks;

/// <summary>
/// Parse time and allocation of <see cref="TomlReader"/> on the largest poetry.lock files of
/// shared/conformance/poetry-lock. bench/toml_vs_tomllib.py runs this and Python's tomllib on the
/// same files and prints both with the ratio.
/// </summary>
[MemoryDiagnoser]
public class TomlReaderBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>A case id of shared/conformance/poetry-lock/cases.</summary>
    [ParamsSource(nameof(LargestLockFiles))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> LargestLockFiles() => TomlBenchmarkFiles.LargestLockFiles(3);

    [GlobalSetup]
    public void ReadFile() => _bytes = File.ReadAllBytes(TomlBenchmarkFiles.LockFile(Case));

    [Benchmark]
    public TomlTable Parse() => TomlReader.Parse(_bytes, "poetry.lock");
}
