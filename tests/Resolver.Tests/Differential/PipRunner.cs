using System.Diagnostics;
using System.Text.Json;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// Runs <c>python3 -m pip install --dry-run --ignore-installed --only-binary=:all: --report</c> with
/// every <c>PIP_*</c> variable removed and <c>PIP_CONFIG_FILE=/dev/null</c>, so that no machine-wide
/// wheels (<c>PIP_FIND_LINKS</c>) or settings take part, and reads pip's report.
/// </summary>
internal static class PipRunner
{
    public const string PythonVariable = "REQ2NIX_PYTHON";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

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

    /// <summary>Resolves <paramref name="requirementsFile"/> against <paramref name="indexUrl"/> (http or file URL).</summary>
    public static PipOutcome Install(string indexUrl, string requirementsFile, string? constraintsFile, IReadOnlyList<string> extraArguments)
    {
        var report = Path.Combine(Path.GetTempPath(), $"req2nix-pip-{Guid.NewGuid():N}.json");
        try
        {
            var arguments = new List<string>
            {
                "-m", "pip", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--no-cache-dir",
                "--disable-pip-version-check", "--quiet", "--report", report, "--index-url", indexUrl, "-r", requirementsFile,
            };
            if (constraintsFile is not null)
            {
                arguments.AddRange(["-c", constraintsFile]);
            }
            arguments.AddRange(extraArguments);
            var watch = Stopwatch.StartNew();
            var (code, _, error) = Run(arguments, Timeout);
            var seconds = watch.Elapsed.TotalSeconds;
            if (code != 0)
            {
                var resolutionFailure = error.Contains("ResolutionImpossible", StringComparison.Ordinal)
                    || error.Contains("No matching distribution found", StringComparison.Ordinal)
                    || error.Contains("requires a different Python", StringComparison.Ordinal);
                if (resolutionFailure)
                {
                    return new PipOutcome(false, [], error.Trim(), seconds);
                }
                if (RejectsInput(error))
                {
                    return new PipOutcome(false, [], error.Trim(), seconds, Rejected: true);
                }
                throw new InvalidOperationException($"pip failed for another reason than resolution (exit {code}):\n{error}");
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

    /// <summary>
    /// Whether pip refused a requirement or constraint line as such: packaging 21.3's parse error
    /// (reported, or escaping as a traceback from pip's extras handling) or a constraint form it forbids.
    /// </summary>
    private static bool RejectsInput(string error) =>
        error.Contains("ERROR: Invalid requirement:", StringComparison.Ordinal)
        || error.Contains("packaging.requirements.InvalidRequirement:", StringComparison.Ordinal)
        || error.Contains("ERROR: Constraints cannot have extras", StringComparison.Ordinal);

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
