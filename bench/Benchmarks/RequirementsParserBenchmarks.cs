using BenchmarkDotNet.Attributes;
using Req2Nix.Inputs.Requirements;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks;

/// <summary>
/// Reading the largest requirements files of shared/conformance/requirements-txt as pip does (file
/// read, decoding, lines, options, requirement forms), and that plus the conversion to a manifest.
/// bench/requirements_vs_pip.py runs this and pip 23.2.1's own parser on the same files and prints
/// both with the ratio.
/// </summary>
[MemoryDiagnoser]
public class RequirementsParserBenchmarks
{
    private RequirementsReadOptions _options = null!;
    private string _path = string.Empty;

    /// <summary>A file under the corpus's files/ folder.</summary>
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = string.Empty;

    public static IEnumerable<string> Files() => RequirementsBenchmarkFiles.Largest;

    [GlobalSetup]
    public void Locate()
    {
        var files = RequirementsBenchmarkFiles.FilesFolder();
        _path = Path.Combine(files, File);
        _options = new RequirementsReadOptions(Path.Combine(files, File[..File.IndexOf('/', StringComparison.Ordinal)]));
    }

    [Benchmark]
    public RequirementsFile Read() => RequirementsFile.Read(_path, _options);

    [Benchmark]
    public Manifest ReadAndConvert() => RequirementsFile.Read(_path, _options).ToManifest();
}
