using System.Diagnostics.CodeAnalysis;
using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Cli;

/// <summary>
/// The file system the requirements parser reads through: the machine's, plus standard input
/// under a virtual path (<c>req2nix -</c>). Every file read is reported with its bytes, so that
/// the output's header can name each input with its sha256 without reading it a second time.
/// </summary>
internal sealed class RecordingFileSystem(Action<string, byte[]> onRead, string? stdinPath = null, byte[]? stdinBytes = null)
    : IRequirementsFileSystem
{
    private static readonly PhysicalRequirementsFileSystem Physical = PhysicalRequirementsFileSystem.Instance;

    public bool TryReadAllBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        if (path == stdinPath && stdinBytes is not null)
        {
            (bytes, problem) = (stdinBytes, null);
        }
        else if (!Physical.TryReadAllBytes(path, out bytes, out problem))
        {
            return false;
        }
        onRead(path, bytes);
        return true;
    }

    public bool FileExists(string path) => path == stdinPath || Physical.FileExists(path);

    public bool DirectoryExists(string path) => Physical.DirectoryExists(path);
}
