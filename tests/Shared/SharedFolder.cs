namespace Req2Nix.Tests.Shared;

/// <summary>
/// Finds the repository root and the <c>../shared</c> folder that CI places beside it
/// (conformance suites and the PyPI mirror generator). A user's clone may not have it.
/// </summary>
public static class SharedFolder
{
    /// <summary>Set (to anything) in CI: a missing shared folder is then a failure, not a skip.</summary>
    public const string RequireVariable = "REQ2NIX_REQUIRE_SHARED";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder: <c>$REQ2NIX_SHARED</c>, else <c>../shared</c> beside the repository.</summary>
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("REQ2NIX_SHARED") is { Length: > 0 } overridden
            ? System.IO.Path.GetFullPath(overridden)
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Conformance => System.IO.Path.Combine(Path, "conformance");

    public static string PypiMirror => System.IO.Path.Combine(Path, "pypi-mirror");

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 };

    /// <summary>The reason to skip a test that needs <paramref name="folder"/>, or null to run it.</summary>
    public static string? SkipReasonFor(string folder)
    {
        if (Directory.Exists(folder) || Required)
        {
            return null;
        }
        return $"skipped: {folder} is absent (it sits beside the repository in CI; see README, 'Tests')";
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Req2Nix.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Req2Nix.sln above {AppContext.BaseDirectory}");
    }
}
