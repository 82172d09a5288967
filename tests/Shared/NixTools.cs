using System.Diagnostics;

namespace Req2Nix.Tests.Shared;

/// <summary>
/// Runs Nix's own tools (<c>nix-hash</c>, <c>nix-instantiate</c>) so tests can check req2nix
/// against them. Tests that need one are skipped with a clear reason when it is not on PATH,
/// except where <see cref="RequireVariable"/> is set (CI): there a missing tool fails them.
/// </summary>
public static class NixTools
{
    /// <summary>Set (to anything) to make a missing Nix tool a failure instead of a skip.</summary>
    public const string RequireVariable = "REQ2NIX_REQUIRE_NIX";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 };

    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The reason to skip a test that needs <paramref name="tool"/>, or null to run it.</summary>
    public static string? SkipReasonFor(string tool)
    {
        if (Find(tool) is not null || Required)
        {
            return null;
        }
        return $"skipped: {tool} is not on PATH (install Nix, e.g. the nix-bin package; set {RequireVariable} to make this a failure)";
    }

    /// <summary>Runs <paramref name="tool"/> and returns its standard output; throws with its standard error when it fails.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var executable = Find(tool)
            ?? throw new InvalidOperationException($"{tool} is not on PATH, and {RequireVariable} says the Nix tests must run");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {Timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }
        return output.Result;
    }
}

/// <summary>A test that runs a Nix tool; skipped like <see cref="NixTools.SkipReasonFor"/> says.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NixFactAttribute : FactAttribute
{
    public NixFactAttribute(string tool)
    {
        Skip = NixTools.SkipReasonFor(tool);
    }
}

/// <summary>A theory that runs a Nix tool; skipped like <see cref="NixTools.SkipReasonFor"/> says.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NixTheoryAttribute : TheoryAttribute
{
    public NixTheoryAttribute(string tool)
    {
        Skip = NixTools.SkipReasonFor(tool);
    }
}
