using System.Text;

namespace Req2Nix.Cli;

/// <summary>
/// <c>req2nix [INPUT…]</c>: writes python-packages.nix to stdout or, atomically, to <c>-o</c>;
/// with <c>--check</c>, writes nothing and exits 1 with a unified diff on stderr when the file
/// on disk is not what this run would write.
/// </summary>
public static class ConvertCommand
{
    public static async Task<int> RunAsync(Settings settings, CliContext context, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reporter);
        var generation = new Generation(settings, context, reporter);
        var inputs = generation.LoadInputs();
        var command = Generation.CommandOf(settings, settings.Output);

        if (settings.Check)
        {
            return await CheckAsync(settings, context, reporter, generation, inputs, command, cancellationToken);
        }

        var generated = await generation.RunAsync(inputs, command, cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(generated.Text);
        if (settings.Report is { } report)
        {
            AtomicFile.Write(context.ResolvePath(report), ResolutionReport.Write(generated.Resolution, settings.Wheels));
        }
        if (settings.Output is { } output)
        {
            AtomicFile.Write(context.ResolvePath(output), bytes);
        }
        else
        {
            await context.Stdout.WriteAsync(bytes, cancellationToken);
            await context.Stdout.FlushAsync(cancellationToken);
        }
        return ExitCode.Done;
    }

    private static async Task<int> CheckAsync(
        Settings settings, CliContext context, ConsoleReporter reporter, Generation generation, LoadedInputs inputs, string command, CancellationToken cancellationToken)
    {
        var output = settings.Output!;
        var path = context.ResolvePath(output);
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
        var verdict = StaleCheck.Verdict(existing, inputs, settings, command);
        if (verdict is null)
        {
            reporter.Done($"{output} is up to date");
            return ExitCode.Done;
        }

        var generated = await generation.RunAsync(inputs, command, cancellationToken);
        if (existing == generated.Text)
        {
            reporter.Done($"{output} is up to date");
            return ExitCode.Done;
        }
        context.Stderr.Write(UnifiedDiff.Create(existing ?? string.Empty, generated.Text, $"a/{output}", $"b/{output}"));
        reporter.Error($"{output} is stale: {verdict}; run: {command}");
        return ExitCode.StaleOrUnsatisfiable;
    }
}
