using BenchmarkDotNet.Attributes;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Benchmarks.Packaging;

/// <summary>What the resolver does for every file of every candidate: read the name, rank the wheel.</summary>
[MemoryDiagnoser]
public class WheelBenchmarks
{
    private readonly string _filename = "numpy-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    private readonly PythonVersion _python = new(3, 11);
    private readonly WheelFilename _wheel;
    private readonly CompatibleTags _tags;

    public WheelBenchmarks()
    {
        _wheel = WheelFilename.Parse(_filename);
        _tags = CompatibleTags.For(NixSystem.LinuxX64, _python);
    }

    [Benchmark]
    public WheelFilename ParseWheel() => WheelFilename.Parse(_filename);

    [Benchmark]
    public int? RankWheel() => _tags.Rank(_wheel);

    [Benchmark]
    public CompatibleTags BuildTagTable() => new(NixSystem.LinuxX64, _python);
}
