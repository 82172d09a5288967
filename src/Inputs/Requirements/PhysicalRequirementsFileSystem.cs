using System.Diagnostics.CodeAnalysis;

namespace Req2Nix.Inputs.Requirements;

/// <summary>The machine's file system.</summary>
public sealed class PhysicalRequirementsFileSystem : IRequirementsFileSystem
{
    public static PhysicalRequirementsFileSystem Instance { get; } = new();

    public bool TryReadAllBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            bytes = File.ReadAllBytes(path);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            bytes = null;
            problem = e switch
            {
                ArgumentException or NotSupportedException => "not a valid path",
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ when Directory.Exists(path) => "it is a directory",
                _ => e.Message,
            };
            return false;
        }
    }

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);
}
