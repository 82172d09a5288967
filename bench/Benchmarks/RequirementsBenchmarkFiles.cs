namespace Req2Nix.Benchmarks;

/// <summary>The requirements files the requirements-parser benchmark reads, from shared/conformance/requirements-txt.</summary>
internal static class RequirementsBenchmarkFiles
{
    /// <summary>The largest real files of the corpus (paths under its files/ folder), each without includes.</summary>
    public static IEnumerable<string> Largest { get; } =
    [
        "jax-ml__jax/build/requirements_lock_3_12.txt",
        "pypa__warehouse/requirements/main.txt",
        "openstack__requirements/global-requirements.txt",
        "openstack__requirements/upper-constraints.txt",
    ];

    /// <summary>The corpus's files/ folder: under <c>$REQ2NIX_SHARED</c>, else under ../shared beside the directory holding Req2Nix.sln.</summary>
    public static string FilesFolder()
    {
        var shared = Environment.GetEnvironmentVariable("REQ2NIX_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Req2Nix.sln")))
            {
                repository = repository.Parent;
            }
            shared = Path.Combine(repository?.FullName ?? throw new InvalidOperationException("no Req2Nix.sln above the benchmark"), "..", "shared");
        }
        return Path.GetFullPath(Path.Combine(shared, "conformance", "requirements-txt", "files"));
    }
}
