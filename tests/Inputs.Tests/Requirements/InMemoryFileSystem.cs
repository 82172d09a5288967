using System.Diagnostics.CodeAnalysis;
using System.Text;
using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>Files and directories held in memory, by absolute path; a file's parents exist as directories.</summary>
internal sealed class InMemoryFileSystem : IRequirementsFileSystem
{
    public const string WorkingDirectory = "/project";

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "/" };

    public int Reads { get; private set; }

    public InMemoryFileSystem Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public InMemoryFileSystem Add(string path, byte[] bytes)
    {
        var absolute = Absolute(path);
        _files[absolute] = bytes;
        AddParents(absolute);
        return this;
    }

    public InMemoryFileSystem AddDirectory(string path)
    {
        var absolute = Absolute(path);
        _directories.Add(absolute);
        AddParents(absolute);
        return this;
    }

    public RequirementsReadOptions Options(IReadOnlyDictionary<string, string>? environment = null) =>
        new(WorkingDirectory) { FileSystem = this, Environment = environment ?? new Dictionary<string, string>() };

    public bool TryReadAllBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        Reads++;
        problem = _files.TryGetValue(path, out bytes) ? null : _directories.Contains(path) ? "it is a directory" : "no such file";
        return bytes is not null;
    }

    public bool FileExists(string path) => _files.ContainsKey(path);

    public bool DirectoryExists(string path) => _directories.Contains(path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/");

    private static string Absolute(string path) => path.StartsWith('/') ? path : $"{WorkingDirectory}/{path}";

    private void AddParents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            _directories.Add(path[..slash]);
        }
    }
}
