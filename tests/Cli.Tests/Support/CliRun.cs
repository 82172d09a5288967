using System.Text;

namespace Req2Nix.Cli.Tests.Support;

/// <summary>What one in-process run of req2nix did: its exit code and its two output streams.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// A scratch repository for one test: a working directory, a private cache and HOME, and a way to
/// run req2nix in it in-process (the same code path as the executable, without a child process).
/// </summary>
public sealed class CliSandbox : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("req2nix-cli-");

    public CliSandbox()
    {
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(Home);
    }

    public string WorkingDirectory => Path.Combine(_root.FullName, "repo");

    public string Home => Path.Combine(_root.FullName, "home");

    public string CacheDirectory => Path.Combine(Home, ".cache", "req2nix");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string PathOf(string name) => Path.Combine(WorkingDirectory, name);

    public void Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public async Task<CliResult> RunAsync(params string[] args) => await RunWithStdinAsync(string.Empty, args);

    public async Task<CliResult> RunWithStdinAsync(string stdin, params string[] args)
    {
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal) { ["HOME"] = Home };
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var context = new CliContext(stdout, stderr, input, environment, WorkingDirectory);
        var exitCode = await CliApplication.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exitCode, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public void Dispose() => _root.Delete(recursive: true);
}
