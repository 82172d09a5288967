using System.Diagnostics.CodeAnalysis;
using System.Text;
using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// pip's command line for a case (<c>-r requirements.txt [-c constraints.txt] --only-binary=:all:
/// [pip-args]</c>) as the top-level requirements file that req2nix reads: every one of these options
/// is also a requirements-file line, so <see cref="RequirementsFile"/> reads the case exactly as pip
/// is told to. The file exists only here; the files it names are read from disk.
/// </summary>
internal sealed class PipCommandLine : IRequirementsFileSystem
{
    private readonly byte[] _text;

    public PipCommandLine(string folder, IEnumerable<string> lines)
    {
        Path = System.IO.Path.Combine(folder, "(pip command line)");
        _text = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    /// <summary>Where the command line stands as a file: in the case's folder, so that relative paths resolve as pip's would.</summary>
    public string Path { get; }

    public bool TryReadAllBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        if (path == Path)
        {
            bytes = _text;
            problem = null;
            return true;
        }
        return PhysicalRequirementsFileSystem.Instance.TryReadAllBytes(path, out bytes, out problem);
    }

    public bool FileExists(string path) => path == Path || PhysicalRequirementsFileSystem.Instance.FileExists(path);

    public bool DirectoryExists(string path) => path != Path && PhysicalRequirementsFileSystem.Instance.DirectoryExists(path);
}
