using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Benchmarks.Packaging;

/// <summary>PEP 503 normalization, against the regex-and-lower-case way packaging spells it.</summary>
[MemoryDiagnoser]
public partial class PackageNameBenchmarks
{
    [Params("typing-extensions", "Zope.Interface", "ruamel.yaml.clib")]
    public string Name { get; set; } = string.Empty;

    [Benchmark(Baseline = true)]
    public string RegexThenLowerCase() => Separators().Replace(Name, "-").ToLowerInvariant();

    [Benchmark]
    public string Normalize() => PackageName.Normalize(Name);

    [Benchmark]
    public PackageName Parse() => PackageName.Parse(Name);

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
