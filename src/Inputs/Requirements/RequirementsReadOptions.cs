namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// What reading a requirements file depends on besides the file: the directory pip would run in
/// (local paths in requirements are relative to it, as in pip; includes are relative to the
/// including file), the environment for <c>${VAR}</c> (passed in, never read from the process),
/// and the file system.
/// </summary>
public sealed record RequirementsReadOptions
{
    public RequirementsReadOptions(string workingDirectory)
    {
        WorkingDirectory = Path.GetFullPath(workingDirectory);
    }

    /// <summary>An absolute path: the directory <c>pip install -r</c> would run in.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Variables for <c>${NAME}</c>; unset or empty ones leave the reference as written.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IRequirementsFileSystem FileSystem { get; init; } = PhysicalRequirementsFileSystem.Instance;

    /// <summary>How many files one read may open, counting a file included twice twice; guards against include trees that explode.</summary>
    public int MaxFilesRead { get; init; } = 10_000;
}
