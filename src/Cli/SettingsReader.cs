using System.CommandLine;
using Req2Nix.Emit;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Cli;

/// <summary>Turns a parsed command line plus the environment into <see cref="Settings"/>.</summary>
public static class SettingsReader
{
    public static Settings Read(CommandLineDefinition definition, ParseResult parse, CliContext context, bool init)
    {
        var inputs = parse.GetValue(init ? definition.InitInput : definition.Inputs) ?? [];
        if (!init && inputs.Length == 0)
        {
            throw new UsageException("no input given: name a requirements file, poetry.lock, pylock.toml, uv.lock or pyproject.toml (see --help)");
        }
        var check = !init && parse.GetValue(definition.Check);
        var output = init ? null : parse.GetValue(definition.Output);
        if (check && output is null)
        {
            throw new UsageException("--check needs -o FILE: the file to compare with");
        }
        if (parse.GetValue(definition.Verbose) && parse.GetValue(definition.Quiet))
        {
            throw new UsageException("--verbose and --quiet cannot be used together");
        }
        if (parse.GetValue(definition.OnlyMain) && parse.GetValue(definition.Groups) is { Length: > 0 })
        {
            throw new UsageException("--only-main and --group cannot be used together");
        }
        if (parse.GetValue(definition.Offline) && parse.GetValue(definition.Refresh))
        {
            throw new UsageException("--offline and --refresh cannot be used together");
        }

        return new Settings
        {
            Inputs = inputs,
            Constraints = parse.GetValue(definition.Constraints) ?? [],
            Output = output,
            Check = check,
            Report = init ? null : parse.GetValue(definition.Report),
            IndexUrl = parse.GetValue(definition.IndexUrl),
            IndexUrlFromEnvironment = context.GetVariable("PIP_INDEX_URL"),
            ExtraIndexUrls = ExtraIndexUrls(parse.GetValue(definition.ExtraIndexUrls), context),
            Pre = parse.GetValue(definition.Pre),
            Python = ReadPython(parse.GetValue(definition.Python) ?? CommandLineDefinition.DefaultPython),
            Systems = ReadSystems(parse.GetValue(definition.Systems)),
            Retries = ReadRetries(parse.GetValue(definition.Retries)),
            Concurrency = ReadConcurrency(parse.GetValue(definition.Concurrency)),
            RequestTimeout = ReadTimeout(parse.GetValue(definition.Timeout)),
            Offline = parse.GetValue(definition.Offline),
            Refresh = parse.GetValue(definition.Refresh),
            CacheDirectory = CacheDirectory(parse.GetValue(definition.CacheDirectory), context),
            Wheels = ReadWheels(parse.GetValue(definition.Wheels) ?? "pure"),
            ReuseNixpkgs = parse.GetValue(definition.ReuseNixpkgs),
            Groups = parse.GetValue(definition.Groups) ?? [],
            OnlyMain = parse.GetValue(definition.OnlyMain),
            NetrcPath = NetrcPath(context),
            Extras = parse.GetValue(definition.Extras) ?? [],
            AllExtras = parse.GetValue(definition.AllExtras),
            Verbosity = parse.GetValue(definition.Verbose) ? Verbosity.Verbose
                : parse.GetValue(definition.Quiet) ? Verbosity.Quiet
                : Verbosity.Normal,
            Force = init && parse.GetValue(definition.Force),
        };
    }

    private static string[] ExtraIndexUrls(string[]? given, CliContext context)
    {
        if (given is { Length: > 0 })
        {
            return given;
        }
        // pip reads a list-valued environment variable as whitespace-separated values.
        return context.GetVariable("PIP_EXTRA_INDEX_URL")?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
    }

    private static PythonTarget ReadPython(string text) =>
        PythonTarget.TryParse(text, out var target)
            ? target
            : throw new UsageException($"--python {text}: expected a CPython 3 version such as 3.12 or 3.12.4");

    private static SystemSet ReadSystems(string[]? names)
    {
        if (names is not { Length: > 0 })
        {
            return SystemSet.All;
        }
        var systems = new List<NixSystem>();
        foreach (var name in names)
        {
            if (!NixSystem.TryParse(name, out var system))
            {
                throw new UsageException(
                    $"--system {name}: not a supported Nix system; expected one of {SystemSet.All}");
            }
            systems.Add(system);
        }
        return SystemSet.Of(systems);
    }

    private static int ReadRetries(int retries) =>
        retries is >= 0 and <= 100 ? retries : throw new UsageException($"--retries {retries}: expected 0 to 100");

    private static int ReadConcurrency(int concurrency) =>
        concurrency is >= 1 and <= Req2Nix.PyPI.PyPIClientOptions.MaxMaxConcurrency
            ? concurrency
            : throw new UsageException($"--concurrency {concurrency}: expected 1 to {Req2Nix.PyPI.PyPIClientOptions.MaxMaxConcurrency}");

    // The option accepts only these names; the check keeps a new one from passing unread.
    private static WheelPolicy ReadWheels(string name) =>
        WheelPolicyNames.TryParse(name, out var policy) ? policy : throw new UsageException($"--wheels {name}: expected never, pure or all");

    private static TimeSpan ReadTimeout(double seconds) =>
        seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--timeout {seconds}: expected seconds, more than 0 and at most 3600");

    private static string? NetrcPath(CliContext context)
    {
        if (context.GetVariable("NETRC") is { } given)
        {
            return given;
        }
        return context.GetVariable("HOME") is { } home ? Path.Combine(home, ".netrc") : null;
    }

    private static string CacheDirectory(string? given, CliContext context)
    {
        if (given is not null)
        {
            return context.ResolvePath(given);
        }
        if (context.GetVariable("XDG_CACHE_HOME") is { } xdg)
        {
            return Path.Combine(xdg, "req2nix");
        }
        var home = context.GetVariable("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "req2nix");
    }
}
