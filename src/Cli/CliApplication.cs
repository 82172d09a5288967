using System.CommandLine;

namespace Req2Nix.Cli;

/// <summary>Parses the command line, runs the command, and maps every failure to its documented exit code.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var definition = new CommandLineDefinition();
        var parse = definition.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Stderr.WriteLine($"req2nix: {error.Message}");
            }
            context.Stderr.WriteLine("Try 'req2nix --help'.");
            return ExitCode.BadInput;
        }
        if (parse.Action is not null)
        {
            // Only --help and --version carry an action: the commands run below.
            await using var output = new StreamWriter(context.Stdout, leaveOpen: true);
            var invocation = new InvocationConfiguration { Output = output, Error = context.Stderr };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }

        var init = parse.CommandResult.Command == definition.Init;
        try
        {
            var settings = SettingsReader.Read(definition, parse, context, init);
            return init
                ? await InitCommand.RunAsync(settings, context, cancellationToken)
                : await ConvertCommand.RunAsync(settings, context, cancellationToken);
        }
        catch (Exception exception) when (FailureReport.TryDescribe(exception, out var message, out var exitCode))
        {
            context.Stderr.WriteLine($"req2nix: {message}");
            return exitCode;
        }
    }
}
