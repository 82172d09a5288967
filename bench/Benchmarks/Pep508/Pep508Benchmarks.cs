using BenchmarkDotNet.Attributes;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Benchmarks.Pep508;

/// <summary>
/// PEP 508 over the universe corpus (<see cref="Pep508Workload"/>): one operation parses all 102,903
/// Requires-Dist lines, or evaluates their 54,967 markers on one environment or on the four Nix systems
/// at once. The single-marker benchmarks show the cost (and allocation) of one evaluation.
/// </summary>
[MemoryDiagnoser]
public class Pep508Benchmarks
{
    private Pep508Workload _workload = null!;
    private Marker _typical = null!;
    private ExtraName _socks;
    private string _typicalLine = "";

    [GlobalSetup]
    public void Setup()
    {
        _workload = Pep508Workload.Load();
        _typical = Marker.Parse("python_version < \"3.8\" and extra == \"socks\" or sys_platform == \"win32\"");
        _socks = ExtraName.Parse("socks");
        _typicalLine = "requests[socks] (>=2.8.1,<3) ; python_version < \"3.8\" and extra == \"security\"";
    }

    [Benchmark(Description = "Parse all 102,903 Requires-Dist lines")]
    public int ParseAll()
    {
        var valid = 0;
        foreach (var line in _workload.Lines)
        {
            if (Requirement.TryParse(line, out _, out _))
            {
                valid++;
            }
        }
        return valid;
    }

    [Benchmark(Description = "Evaluate all 54,967 markers (x86_64-linux, 3.11)")]
    public int EvaluateAll()
    {
        var holds = 0;
        var environment = _workload.Linux;
        foreach (var marker in _workload.Markers)
        {
            if (marker.TryEvaluate(environment, null, out var result) && result)
            {
                holds++;
            }
        }
        return holds;
    }

    [Benchmark(Description = "Evaluate all 54,967 markers on 4 Nix systems at once")]
    public int EvaluateAllOnFourSystems()
    {
        var holds = 0;
        var systems = _workload.Systems;
        foreach (var marker in _workload.Markers)
        {
            if (marker.TryEvaluate(systems, null, out var mask))
            {
                holds += mask.Count;
            }
        }
        return holds;
    }

    [Benchmark(Description = "Evaluate one marker with an extra")]
    public bool EvaluateOne() => _typical.Evaluate(_workload.Linux, _socks);

    [Benchmark(Description = "Evaluate one marker on 4 Nix systems")]
    public EnvironmentMask EvaluateOneOnFourSystems() => _typical.Evaluate(_workload.Systems, _socks);

    [Benchmark(Description = "Parse one requirement with a marker")]
    public Requirement ParseOne() => Requirement.Parse(_typicalLine);
}
