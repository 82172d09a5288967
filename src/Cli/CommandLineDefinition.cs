using System.CommandLine;
using Req2Nix.Emit;

namespace Req2Nix.Cli;

/// <summary>The options and commands of <c>req2nix</c>, and turning a parse into <see cref="Settings"/>.</summary>
public sealed class CommandLineDefinition
{
    public const string DefaultPython = "3.13";

    /// <summary>The option naming the target interpreter (also read ahead of the parser: <see cref="WarmUpTargets"/>).</summary>
    public const string PythonOptionName = "--python";

    /// <summary>The option naming a target system (also read ahead of the parser: <see cref="WarmUpTargets"/>).</summary>
    public const string SystemOptionName = "--system";

    /// <summary>The option that keeps a run off the network (also read ahead of the parser: <see cref="WarmUpTargets"/>).</summary>
    public const string OfflineOptionName = "--offline";

    private const string Examples = """
        Examples:
          req2nix requirements.txt > python-packages.nix
          req2nix poetry.lock -o python-packages.nix
          req2nix --python 3.12 --system x86_64-linux requirements.txt -c constraints.txt
          req2nix --check -o python-packages.nix requirements.txt     # in CI: exit 1 when stale
          req2nix init                                                # flake.nix + python-packages.nix + .envrc
        """;

    public CommandLineDefinition()
    {
        Inputs = new Argument<string[]>("INPUT")
        {
            Description = "requirements files, poetry.lock, pylock.toml, uv.lock or pyproject.toml ('-' reads a requirements file from stdin)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        InitInput = new Argument<string[]>("INPUT")
        {
            Description = "the file to start from (default: the first of poetry.lock, uv.lock, pylock.toml, requirements.txt, pyproject.toml found here)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Root = new RootCommand($"Turn Python requirements into a reproducible python-packages.nix.\n\n{Examples}");
        Root.Add(Inputs);
        foreach (var option in SharedOptions())
        {
            Root.Add(option);
        }
        Root.Add(Output);
        Root.Add(Check);
        Root.Add(Report);

        Init = new Command("init", "Migrate a repository: write flake.nix, python-packages.nix and .envrc.");
        Init.Add(InitInput);
        foreach (var option in SharedOptions())
        {
            Init.Add(option);
        }
        Init.Add(Force);
        Root.Add(Init);
    }

    public RootCommand Root { get; }

    public Command Init { get; }

    public Argument<string[]> Inputs { get; }

    public Argument<string[]> InitInput { get; }

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "write the Nix file here (atomically) instead of stdout",
        HelpName = "FILE",
    };

    public Option<string[]> Constraints { get; } = new("--constraint", "-c")
    {
        Description = "a constraints file, as pip's -c: narrows versions without adding packages (repeatable)",
        HelpName = "FILE",
    };

    public Option<bool> Check { get; } = new("--check")
    {
        Description = "with -o: exit 1 and print a diff on stderr when the file is stale or was edited by hand",
    };

    public Option<string?> Report { get; } = new("--report")
    {
        Description = "also write a JSON report of the resolution (versions, files, urls, sha256, dependencies)",
        HelpName = "FILE",
    };

    public Option<string?> IndexUrl { get; } = new("--index-url", "-i")
    {
        Description = "the package index, pip's form (default: $PIP_INDEX_URL, else https://pypi.org/simple)",
        HelpName = "URL",
    };

    public Option<string[]> ExtraIndexUrls { get; } = new("--extra-index-url")
    {
        Description = "more indexes to look in (repeatable; default: $PIP_EXTRA_INDEX_URL, space-separated)",
        HelpName = "URL",
    };

    public Option<bool> Pre { get; } = new("--pre")
    {
        Description = "allow pre-releases everywhere, as pip's --pre",
    };

    public Option<string> Python { get; } = new(PythonOptionName)
    {
        Description = "the target interpreter, X.Y or X.Y.Z",
        HelpName = "X.Y",
        DefaultValueFactory = _ => DefaultPython,
    };

    public Option<string[]> Systems { get; } = new(SystemOptionName)
    {
        Description = "a Nix system to resolve for (repeatable; default: x86_64-linux aarch64-linux x86_64-darwin aarch64-darwin)",
        HelpName = "SYSTEM",
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "retries of a failed request (429, 5xx, timeouts, dropped connections), with backoff",
        HelpName = "N",
        DefaultValueFactory = _ => Req2Nix.PyPI.RetrySettings.Default.MaxRetries,
    };

    public Option<int> Concurrency { get; } = new("--concurrency")
    {
        Description = "requests to the index in flight at once (listings, metadata, downloads)",
        HelpName = "N",
        DefaultValueFactory = _ => Req2Nix.PyPI.PyPIClientOptions.DefaultMaxConcurrency,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "seconds one request may take",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
    };

    public Option<bool> Offline { get; } = new(OfflineOptionName)
    {
        Description = "use only the cache; fail and name what is missing",
    };

    public Option<bool> Refresh { get; } = new("--refresh")
    {
        Description = "revalidate everything in the cache",
    };

    public Option<string?> CacheDirectory { get; } = new("--cache-dir")
    {
        Description = "the cache (default: $XDG_CACHE_HOME/req2nix, else ~/.cache/req2nix)",
        HelpName = "DIR",
    };

    public Option<string> Wheels { get; } = CreateWheels();

    public Option<bool> ReuseNixpkgs { get; } = new("--reuse-nixpkgs")
    {
        Description = "override nixpkgs' own derivation where it has the package, keeping its native inputs and patches",
    };

    public Option<string[]> Groups { get; } = new("--group")
    {
        Description = "lock files and pyproject.toml: take this dependency group besides the main dependencies, instead of the tool's default groups (repeatable)",
        HelpName = "GROUP",
    };

    public Option<bool> OnlyMain { get; } = new("--only-main")
    {
        Description = "lock files and pyproject.toml: only the main dependencies, no group",
    };

    public Option<string[]> Extras { get; } = new("--extras", "-E")
    {
        Description = "lock files and pyproject.toml: include the project's extra (repeatable)",
        HelpName = "EXTRA",
    };

    public Option<bool> AllExtras { get; } = new("--all-extras")
    {
        Description = "lock files and pyproject.toml: include every extra of the project",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "say more on stderr",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "say only errors on stderr",
    };

    public Option<bool> Force { get; } = new("--force")
    {
        Description = "overwrite flake.nix, python-packages.nix and .envrc if they exist",
    };

    private static Option<string> CreateWheels()
    {
        var option = new Option<string>("--wheels")
        {
            Description = "never: build everything from source; pure (default): use py3-none-any wheels where a version has one; all: platform wheels too",
            HelpName = "never|pure|all",
            DefaultValueFactory = _ => "pure",
        };
        option.AcceptOnlyFromAmong("never", "pure", "all");
        return option;
    }

    private IEnumerable<Option> SharedOptions() =>
    [
        Constraints, IndexUrl, ExtraIndexUrls, Pre, Python, Systems, Retries, Concurrency, Timeout, Offline, Refresh, CacheDirectory, Wheels,
        ReuseNixpkgs, Groups, OnlyMain, Extras, AllExtras, Verbose, Quiet,
    ];
}
