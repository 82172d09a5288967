using Req2Nix.Inputs.Archives;
using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Requirements;
using Req2Nix.Inputs.Toml;
using Req2Nix.PyPI.Credentials;
using Req2Nix.Resolver;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Cli;

/// <summary>
/// Turns the failures a run can meet into one message and the documented exit code. Messages of
/// input errors already start with <c>file:line:column</c>; the caller redacts credentials from
/// every message before it is shown. Anything not listed here is a bug and is left to crash with its stack trace.
/// </summary>
public static class FailureReport
{
    public static bool TryDescribe(Exception exception, out string message, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(exception);
        (message, exitCode) = exception switch
        {
            UsageException or InputReadException or RequirementsFileException or LockFileException or PyprojectException
                or TomlException or ResolutionInputException => (exception.Message, ExitCode.BadInput),
            ResolutionImpossibleException or PackageNotFoundException => (exception.Message, ExitCode.StaleOrUnsatisfiable),
            HashMismatchException => ($"{exception.Message} (the file the index serves is not the one pinned)", ExitCode.IndexFailure),
            IndexException => (exception.Message, ExitCode.IndexFailure),
            NetrcFormatException => ($"~/.netrc: {exception.Message}", ExitCode.BadInput),
            ArchiveException => (exception.Message, ExitCode.IndexFailure),
            OperationCanceledException => ("interrupted", ExitCode.IndexFailure),
            _ => (string.Empty, -1),
        };
        return exitCode >= 0;
    }
}
