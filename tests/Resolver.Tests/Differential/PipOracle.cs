using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// Runs pip 23.2 as the reference resolver: <c>pip install --dry-run --ignore-installed
/// --only-binary=:all: --report</c> against the fixture server, with every <c>PIP_*</c> variable
/// removed and <c>PIP_CONFIG_FILE=/dev/null</c> (so no machine-wide wheels or settings leak in).
/// Answers are kept in a cache keyed by pip's version, the mirror and the case's files, because
/// they cannot change while those do not.
/// </summary>
internal sealed class PipOracle
{
    public const string NoCacheVariable = "REQ2NIX_PIP_ORACLE_NO_CACHE";

    private readonly Uri _simpleUrl;
    private readonly string _mirrorKey;
    private readonly string _cacheFolder;
    private readonly Lazy<string> _pipVersion;

    public PipOracle(Uri simpleUrl, string mirrorKey, string cacheFolder)
    {
        _simpleUrl = simpleUrl;
        _mirrorKey = mirrorKey;
        _cacheFolder = cacheFolder;
        _pipVersion = new Lazy<string>(() => PipRunner.PipVersion() ?? throw new InvalidOperationException("pip cannot be run"));
    }

    public async Task<PipOutcome> ResolveAsync(DifferentialCase differentialCase)
    {
        var key = CacheKey(differentialCase);
        var cached = Path.Combine(_cacheFolder, key + ".json");
        if (Environment.GetEnvironmentVariable(NoCacheVariable) is not { Length: > 0 } && File.Exists(cached))
        {
            return JsonSerializer.Deserialize<PipOutcome>(await File.ReadAllTextAsync(cached))!;
        }
        var outcome = await Task.Run(() => RunPip(differentialCase));
        Directory.CreateDirectory(_cacheFolder);
        var temporary = cached + $".{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(outcome));
        File.Move(temporary, cached, overwrite: true);
        return outcome;
    }

    private PipOutcome RunPip(DifferentialCase differentialCase) =>
        PipRunner.Install(_simpleUrl.ToString(), differentialCase.RequirementsFile, differentialCase.ConstraintsFile, differentialCase.PipArguments);

    private string CacheKey(DifferentialCase differentialCase)
    {
        var text = new StringBuilder()
            .AppendLine(_pipVersion.Value)
            .AppendLine(_mirrorKey)
            .AppendLine(File.ReadAllText(differentialCase.RequirementsFile))
            .AppendLine(differentialCase.ConstraintsFile is { } constraints ? File.ReadAllText(constraints) : "-")
            .AppendLine(string.Join(' ', differentialCase.PipArguments));
        return $"{differentialCase.Name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16]}";
    }
}
