namespace Req2Nix.Cli;

/// <summary>The process exit codes req2nix documents in its README.</summary>
public static class ExitCode
{
    public const int Done = 0;

    /// <summary><c>--check</c> found a stale file, or the requirements cannot be satisfied (including a project no index has).</summary>
    public const int StaleOrUnsatisfiable = 1;

    /// <summary>Bad input or usage: a file that does not parse, an unknown option, a missing file.</summary>
    public const int BadInput = 2;

    /// <summary>An index that cannot be reached or keeps failing after retries (or, offline, data missing from the cache).</summary>
    public const int IndexFailure = 3;
}
