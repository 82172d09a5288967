using Req2Nix.Packaging.Targets;

namespace Req2Nix.Cli;

/// <summary>What one run of req2nix was asked to do, from the command line and the environment.</summary>
public sealed record Settings
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public IReadOnlyList<string> Constraints { get; init; } = [];

    public string? Output { get; init; }

    public bool Check { get; init; }

    public string? IndexUrl { get; init; }

    public IReadOnlyList<string> ExtraIndexUrls { get; init; } = [];

    public bool Pre { get; init; }

    public required PythonTarget Python { get; init; }

    public required SystemSet Systems { get; init; }

    public string? Report { get; init; }

    public bool Offline { get; init; }

    public bool Refresh { get; init; }

    public required string CacheDirectory { get; init; }

    public WheelsChoice Wheels { get; init; } = WheelsChoice.Pure;

    public bool ReuseNixpkgs { get; init; }

    public IReadOnlyList<string> WithGroups { get; init; } = [];

    public IReadOnlyList<string> WithoutGroups { get; init; } = [];

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
