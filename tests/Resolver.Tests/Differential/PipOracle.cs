using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Req2Nix.Packaging.Names;

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
    public const string PythonVariable = "REQ2NIX_PYTHON";
    public const string NoCacheVariable = "REQ2NIX_PIP_ORACLE_NO_CACHE";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Uri _simpleUrl;
    private readonly string _mirrorKey;
    private readonly string _cacheFolder;
    private readonly Lazy<string> _pipVersion;

    public PipOracle(Uri simpleUrl, string mirrorKey, string cacheFolder)
    {
        _simpleUrl = simpleUrl;
        _mirrorKey = mirrorKey;
        _cacheFolder = cacheFolder;
        _pipVersion = new Lazy<string>(() => PipVersion() ?? throw new InvalidOperationException("pip cannot be run"));
    }

    public static string Python => Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } python ? python : "python3";

    /// <summary>pip's version line, or null when <c>python3 -m pip</c> does not run.</summary>
    public static string? PipVersion()
    {
        try
        {
            var (code, output, _) = Run(["-m", "pip", "--version"], TimeSpan.FromSeconds(60));
            return code == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
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

    private PipOutcome RunPip(DifferentialCase differentialCase)
    {
        var report = Path.Combine(Path.GetTempPath(), $"req2nix-pip-{Guid.NewGuid():N}.json");
        try
        {
            var arguments = new List<string>
            {
                "-m", "pip", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--no-cache-dir",
                "--disable-pip-version-check", "--quiet", "--report", report, "--index-url", _simpleUrl.ToString(),
                "-r", differentialCase.RequirementsFile,
            };
            if (differentialCase.ConstraintsFile is { } constraints)
            {
                arguments.AddRange(["-c", constraints]);
            }
            arguments.AddRange(differentialCase.PipArguments);
            var watch = Stopwatch.StartNew();
            var (code, _, error) = Run(arguments, Timeout);
            var seconds = watch.Elapsed.TotalSeconds;
            if (code != 0)
            {
                var resolutionFailure = error.Contains("ResolutionImpossible", StringComparison.Ordinal)
                    || error.Contains("No matching distribution found", StringComparison.Ordinal)
                    || error.Contains("requires a different Python", StringComparison.Ordinal);
                if (!resolutionFailure)
                {
                    throw new InvalidOperationException($"pip failed for another reason than resolution (exit {code}):\n{error}");
                }
                return new PipOutcome(false, [], error.Trim(), seconds);
            }
            using var document = JsonDocument.Parse(File.ReadAllText(report));
            var pins = document.RootElement.GetProperty("install").EnumerateArray()
                .Select(item => item.GetProperty("metadata"))
                .Select(metadata => $"{PackageName.Normalize(metadata.GetProperty("name").GetString()!)}=={metadata.GetProperty("version").GetString()}")
                .Order(StringComparer.Ordinal)
                .ToList();
            return new PipOutcome(true, pins, error.Trim(), seconds);
        }
        finally
        {
            File.Delete(report);
        }
    }

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

    private static (int Code, string Output, string Error) Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var variable in start.Environment.Keys.Where(key => key.StartsWith("PIP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }
        start.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pip did not finish within {timeout.TotalMinutes} minutes");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
