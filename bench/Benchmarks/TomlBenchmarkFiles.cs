namespace Req2Nix.Benchmarks;

/// <summary>The poetry.lock files the TOML benchmark reads, from the shared folder beside the repository.</summary>
internal static class TomlBenchmarkFiles
{
    public static IEnumerable<string> LargestLockFiles(int count) =>
        Directory.EnumerateDirectories(CasesFolder())
            .Select(folder => Path.Combine(folder, "poetry.lock"))
            .Where(File.Exists)
            .OrderByDescending(file => new FileInfo(file).Length)
            .ThenBy(file => file, StringComparer.Ordinal)
            .Take(count)
            .Select(file => Path.GetFileName(Path.GetDirectoryName(file)!));

    public static string LockFile(string caseId) => Path.Combine(CasesFolder(), caseId, "poetry.lock");

    /// <summary><c>$REQ2NIX_SHARED</c>, else <c>../shared</c> beside the directory holding Req2Nix.sln.</summary>
    private static string CasesFolder()
    {
        var shared = Environment.GetEnvironmentVariable("REQ2NIX_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Req2Nix.sln")))
            {
                repository = repository.Parent;
            }
            shared = Path.Combine(
                repository?.FullName ?? throw new InvalidOperationException("no Req2Nix.sln above the benchmark"),
                "..",
                "shared");
        }
        return Path.GetFullPath(Path.Combine(shared, "conformance", "poetry-lock", "cases"));
    }
}
