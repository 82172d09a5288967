using BenchmarkDotNet.Attributes;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks;

/// <summary>
/// The poetry.lock reader on the largest locks of shared/conformance/poetry-lock: TOML parse plus
/// the typed model, the conversion to a resolution for CPython 3.12 on the four Nix systems (with
/// the case's pyproject.toml), and both together.
/// </summary>
[MemoryDiagnoser]
public class LockReaderBenchmarks
{
    private static readonly ResolutionTarget Target = new(PythonTarget.Parse("3.12"), SystemSet.All);

    private byte[] _lock = [];
    private PoetryLock? _parsed;
    private PyprojectToml? _project;

    /// <summary>A case id of shared/conformance/poetry-lock/cases.</summary>
    [ParamsSource(nameof(LargestLockFiles))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> LargestLockFiles() => TomlBenchmarkFiles.LargestLockFiles(3);

    [GlobalSetup]
    public void ReadFiles()
    {
        var lockPath = TomlBenchmarkFiles.LockFile(Case);
        _lock = File.ReadAllBytes(lockPath);
        _parsed = PoetryLockReader.Read(_lock);
        var pyproject = Path.Combine(Path.GetDirectoryName(lockPath)!, "pyproject.toml");
        _project = File.Exists(pyproject) ? PyprojectReader.Read(File.ReadAllBytes(pyproject)) : null;
    }

    [Benchmark(Description = "read (TOML + model)")]
    public PoetryLock Read() => PoetryLockReader.Read(_lock);

    [Benchmark(Description = "to resolution")]
    public Resolution ToResolution() => _parsed!.ToResolution(Target, DependencySelection.Default, _project);

    [Benchmark(Description = "read + to resolution")]
    public Resolution ReadAndResolve() => PoetryLockReader.Read(_lock).ToResolution(Target, DependencySelection.Default, _project);
}
