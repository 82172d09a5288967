using BenchmarkDotNet.Attributes;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Benchmarks.Pep440;

/// <summary>
/// The PEP 440 engine over the universe corpus (<see cref="Pep440Workload"/>): one operation parses every
/// version string, sorts every version, or checks every Requires-Dist specifier against every version of
/// the project it names. The single-item benchmarks show the cost (and allocation) of one call.
/// </summary>
[MemoryDiagnoser]
public class Pep440Benchmarks
{
    private Pep440Workload _workload = null!;
    private Pep440Version[] _sortBuffer = [];
    private SpecifierSet _typicalSet = null!;
    private Pep440Version _typicalVersion = null!;
    private string _typicalText = "";

    [GlobalSetup]
    public void Setup()
    {
        _workload = Pep440Workload.Load();
        _sortBuffer = new Pep440Version[_workload.Versions.Length];
        _typicalSet = SpecifierSet.Parse(">=1.21.1,<1.26,!=1.25.0");
        _typicalText = "1.25.8";
        _typicalVersion = Pep440Version.Parse(_typicalText);
    }

    [Benchmark(Description = "Parse all 13,791 universe versions")]
    public int ParseAll()
    {
        var valid = 0;
        foreach (var text in _workload.VersionTexts)
        {
            if (Pep440Version.TryParse(text, out _))
            {
                valid++;
            }
        }
        return valid;
    }

    [Benchmark(Description = "Sort all 13,791 universe versions")]
    public Pep440Version SortAll()
    {
        Array.Copy(_workload.Versions, _sortBuffer, _sortBuffer.Length);
        Array.Sort(_sortBuffer);
        return _sortBuffer[^1];
    }

    [Benchmark(Description = "Contains: 794,549 Requires-Dist checks")]
    public long ContainsAll()
    {
        long matches = 0;
        foreach (var (set, candidates) in _workload.Checks)
        {
            foreach (var version in candidates)
            {
                if (set.Contains(version))
                {
                    matches++;
                }
            }
        }
        return matches;
    }

    [Benchmark(Description = "Parse one \"1.25.8\"")]
    public Pep440Version? ParseOne() => Pep440Version.TryParse(_typicalText, out var version) ? version : null;

    [Benchmark(Description = "Contains one (3 clauses)")]
    public bool ContainsOne() => _typicalSet.Contains(_typicalVersion);
}
