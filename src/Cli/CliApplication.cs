using System.CommandLine;
using Req2Nix.PyPI.Credentials;

namespace Req2Nix.Cli;

/// <summary>Parses the command line, runs the command, and maps every failure to its documented exit code.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var definition = new CommandLineDefinition();
        var parse = definition.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Stderr.WriteLine($"req2nix: error: {error.Message}");
            }
            context.Stderr.WriteLine("Try 'req2nix --help'.");
            return ExitCode.BadInput;
        }
        if (parse.Action is not null)
        {
            // Only --help and --version carry an action: the commands run below.
            return await InvokeBuiltInAsync(parse, context, cancellationToken);
        }

        var init = parse.CommandResult.Command == definition.Init;
        var reporter = new ConsoleReporter(context, Verbosity.Normal);
        try
        {
            var settings = SettingsReader.Read(definition, parse, context, init);
            reporter = new ConsoleReporter(context, settings.Verbosity);
            return init
                ? await InitCommand.RunAsync(settings, context, reporter, cancellationToken)
                : await ConvertCommand.RunAsync(settings, context, reporter, cancellationToken);
        }
        catch (Exception exception) when (FailureReport.TryDescribe(exception, out var message, out var exitCode))
        {
            reporter.Error(UrlRedactor.RedactText(message, Secrets(args)));
            return exitCode;
        }
    }

    private static async Task<int> InvokeBuiltInAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        await using var output = new StreamWriter(context.Stdout, leaveOpen: true);
        var invocation = new InvocationConfiguration { Output = output, Error = context.Stderr };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The passwords of URLs on the command line, which no message may repeat even outside a URL.</summary>
    private static IEnumerable<string> Secrets(string[] args)
    {
        foreach (var arg in args)
        {
            if (Uri.TryCreate(arg, UriKind.Absolute, out var url) && url.UserInfo.Length > 0)
            {
                var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
                yield return Uri.UnescapeDataString(colon >= 0 ? url.UserInfo[(colon + 1)..] : url.UserInfo);
            }
        }
    }
}
