using Req2Nix.Emit;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Cli;

/// <summary>What one run of req2nix was asked to do, from the command line and the environment.</summary>
public sealed record Settings
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public IReadOnlyList<string> Constraints { get; init; } = [];

    public string? Output { get; init; }

    public bool Check { get; init; }

    /// <summary><c>--index-url</c> as given on the command line.</summary>
    public string? IndexUrl { get; init; }

    /// <summary><c>PIP_INDEX_URL</c>: used when neither the command line nor an input file names an index.</summary>
    public string? IndexUrlFromEnvironment { get; init; }

    public IReadOnlyList<string> ExtraIndexUrls { get; init; } = [];

    public bool Pre { get; init; }

    public required PythonTarget Python { get; init; }

    public required SystemSet Systems { get; init; }

    public string? Report { get; init; }

    public int Retries { get; init; } = Req2Nix.PyPI.RetrySettings.Default.MaxRetries;

    /// <summary>Requests to the index in flight at once, shared by the resolver and the build-facts downloads.</summary>
    public int Concurrency { get; init; } = Req2Nix.PyPI.PyPIClientOptions.DefaultMaxConcurrency;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Offline { get; init; }

    public bool Refresh { get; init; }

    public required string CacheDirectory { get; init; }

    public WheelPolicy Wheels { get; init; } = WheelPolicy.Pure;

    /// <summary>The path of <c>~/.netrc</c> (or <c>$NETRC</c>), for index credentials.</summary>
    public string? NetrcPath { get; init; }

    public bool ReuseNixpkgs { get; init; }

    /// <summary>Dependency groups to take besides the main dependencies, instead of the tool's default groups.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Only the main dependencies: no group.</summary>
    public bool OnlyMain { get; init; }

    public IReadOnlyList<string> Extras { get; init; } = [];

    public bool AllExtras { get; init; }

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary><c>init</c> only: overwrite existing files.</summary>
    public bool Force { get; init; }
}

public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
