using System.Text;
using Req2Nix.Emit;

namespace Req2Nix.Cli;

/// <summary>
/// <c>req2nix init [INPUT]</c>: migrates a repository to Nix by writing <c>flake.nix</c> (a
/// devShell with the root requirements), <c>python-packages.nix</c> and <c>.envrc</c> beside the
/// input; refuses to overwrite any of them without <c>--force</c>, before doing any work.
/// </summary>
public static class InitCommand
{
    public const string FlakeFile = "flake.nix";
    public const string EnvRcFile = ".envrc";

    public static async Task<int> RunAsync(Settings settings, CliContext context, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reporter);
        var input = settings.Inputs.Count > 0 ? settings.Inputs[0] : FindInput(context);
        var folder = Path.GetDirectoryName(context.ResolvePath(input)) ?? context.WorkingDirectory;
        string[] targets = [FlakeFile, PythonPackagesFile.DefaultFileName, EnvRcFile];
        var existing = targets.Where(name => File.Exists(Path.Combine(folder, name))).ToList();
        if (existing.Count > 0 && !settings.Force)
        {
            throw new UsageException($"{string.Join(", ", existing)} already exist in {folder}: give --force to overwrite");
        }

        var convert = settings with { Inputs = [input], Output = PythonPackagesFile.DefaultFileName };
        var generation = new Generation(convert, context, reporter);
        var inputs = generation.LoadInputs();
        var generated = await generation.RunAsync(inputs, Generation.CommandOf(convert, convert.Output), cancellationToken);

        AtomicFile.Write(Path.Combine(folder, PythonPackagesFile.DefaultFileName), Encoding.UTF8.GetBytes(generated.Text));
        AtomicFile.Write(Path.Combine(folder, FlakeFile), Encoding.UTF8.GetBytes(FlakeTemplate.Write(generated.Resolution)));
        AtomicFile.Write(Path.Combine(folder, EnvRcFile), Encoding.UTF8.GetBytes(FlakeTemplate.EnvRc));
        reporter.Done($"wrote {string.Join(", ", targets)} in {folder}; next: git add them, then `nix develop` (or `direnv allow`)");
        return ExitCode.Done;
    }

    private static string FindInput(CliContext context)
    {
        foreach (var candidate in InputKinds.InitCandidates)
        {
            if (File.Exists(context.ResolvePath(candidate)))
            {
                return candidate;
            }
        }
        throw new UsageException($"no input found here: looked for {string.Join(", ", InputKinds.InitCandidates)}; name one");
    }
}
