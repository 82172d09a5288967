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
        definition.Root.SetAction((result, token) => RunCommandAsync(definition, result, context, init: false, token));
        definition.Init.SetAction((result, token) => RunCommandAsync(definition, result, context, init: true, token));
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
        return await InvokeBuiltInAsync(parse, context, cancellationToken);
    }

    private static async Task<int> RunCommandAsync(CommandLineDefinition definition, ParseResult parse, CliContext context, bool init, CancellationToken cancellationToken)
    {
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
            reporter.Error(UrlRedactor.RedactText(message, Secrets(parse.Tokens.Select(token => token.Value))));
            return exitCode;
        }
    }

    private static async Task<int> InvokeBuiltInAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        await using var output = new StreamWriter(context.Stdout, leaveOpen: true);
        // Exceptions that FailureReport does not know are bugs: let them crash with their stack trace.
        var invocation = new InvocationConfiguration { Output = output, Error = context.Stderr, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The passwords of URLs on the command line, which no message may repeat even outside a URL.</summary>
    private static IEnumerable<string> Secrets(IEnumerable<string> args)
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
