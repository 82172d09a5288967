using System.Diagnostics.CodeAnalysis;
using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Cli;

/// <summary>The real file system, plus one file whose bytes came from standard input (<c>req2nix -</c>).</summary>
internal sealed class StdinFileSystem(string stdinPath, byte[] stdinBytes) : IRequirementsFileSystem
{
    private static readonly PhysicalRequirementsFileSystem Physical = PhysicalRequirementsFileSystem.Instance;

    public bool TryReadAllBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        if (path == stdinPath)
        {
            bytes = stdinBytes;
            problem = null;
            return true;
        }
        return Physical.TryReadAllBytes(path, out bytes, out problem);
    }

    public bool FileExists(string path) => path == stdinPath || Physical.FileExists(path);

    public bool DirectoryExists(string path) => Physical.DirectoryExists(path);
}
