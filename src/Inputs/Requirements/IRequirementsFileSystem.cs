using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// The file system as the requirements parser sees it: it reads requirements files and, like pip,
/// asks whether a path a requirement names is a directory or a file. Paths are absolute.
/// </summary>
public interface IRequirementsFileSystem
{
    /// <summary>Reads a whole file; on failure returns false and says why (e.g. "No such file or directory").</summary>
    bool TryReadAllBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem);

    bool FileExists(string path);

    bool DirectoryExists(string path);
}
