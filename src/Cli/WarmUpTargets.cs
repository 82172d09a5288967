using Req2Nix.Packaging.Targets;

namespace Req2Nix.Cli;

/// <summary>
/// The interpreter and systems a run names on its command line (<c>--python</c>, <c>--system</c>),
/// read before the command-line parser runs, for <see cref="StartupWarmUp"/> to prepare those and no
/// others. A guess that turns out wrong costs start-up time, never a result: the parser decides.
/// </summary>
internal sealed record WarmUpTargets(PythonTarget Python, IReadOnlyList<NixSystem> Systems)
{
    public static WarmUpTargets Default { get; } = new(PythonTarget.Parse(CommandLineDefinition.DefaultPython), NixSystem.All);

    /// <summary>Whether the run names <c>--offline</c>: it will make no request, so the HTTP client needs no warming.</summary>
    public bool Offline { get; init; }

    public static WarmUpTargets From(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var python = Default.Python;
        var systems = new List<NixSystem>();
        var offline = false;
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            if (ValueOf(CommandLineDefinition.PythonOptionName, args, ref i) is { } text)
            {
                python = PythonTarget.TryParse(text, out var target) ? target : python;
            }
            else if (args[i] == CommandLineDefinition.OfflineOptionName)
            {
                offline = true;
            }
            else if (ValueOf(CommandLineDefinition.SystemOptionName, args, ref i) is { } name && NixSystem.TryParse(name, out var system) && !systems.Contains(system))
            {
                systems.Add(system);
            }
        }
        return new WarmUpTargets(python, systems.Count > 0 ? systems : Default.Systems) { Offline = offline };
    }

    /// <summary>The value of <paramref name="option"/> at <paramref name="i"/> (<c>--name value</c>, <c>--name=value</c> or <c>--name:value</c>).</summary>
    private static string? ValueOf(string option, IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        if (arg == option)
        {
            return i + 1 < args.Count ? args[++i] : null;
        }
        return arg.Length > option.Length && arg.StartsWith(option, StringComparison.Ordinal) && arg[option.Length] is '=' or ':'
            ? arg[(option.Length + 1)..]
            : null;
    }
}
