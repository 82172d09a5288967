using System.Text;

namespace Req2Nix.Cli;

/// <summary>
/// Everything the command line touches outside the process: standard streams, the environment
/// and the working directory. The real process passes its own; tests pass strings and buffers.
/// Only the CLI reads environment variables (DESIGN.md).
/// </summary>
public sealed record CliContext(
    Stream Stdout,
    TextWriter Stderr,
    Stream Stdin,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    /// <summary>Progress is drawn only when stderr is a terminal.</summary>
    public bool StderrIsTerminal { get; init; }

    public string? GetVariable(string name) =>
        Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);

    public static CliContext FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? "";
        }
        return new CliContext(
            new OpenedOnFirstUseStream(Console.OpenStandardOutput, canRead: false, canWrite: true),
            // Not Console.Error, which first works out the terminal's encoding: req2nix writes UTF-8.
            TextWriter.Synchronized(new StreamWriter(
                new OpenedOnFirstUseStream(Console.OpenStandardError, canRead: false, canWrite: true),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false))
            { AutoFlush = true }),
            new OpenedOnFirstUseStream(Console.OpenStandardInput, canRead: true, canWrite: false),
            variables,
            Directory.GetCurrentDirectory())
        {
            StderrIsTerminal = !Console.IsErrorRedirected,
        };
    }
}
