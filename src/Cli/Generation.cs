using Req2Nix.Emit;
using Req2Nix.PyPI;
using Req2Nix.PyPI.Credentials;
using Req2Nix.Resolver;

namespace Req2Nix.Cli;

/// <summary>
/// One pass of the pipeline (DESIGN.md): read the inputs, resolve them (or take the lock as it is),
/// read the build facts of the files the builds use, and write python-packages.nix.
/// </summary>
public sealed class Generation
{
    private readonly Settings _settings;
    private readonly CliContext _context;
    private readonly ConsoleReporter _reporter;

    public Generation(Settings settings, CliContext context, ConsoleReporter reporter)
    {
        _settings = settings;
        _context = context;
        _reporter = reporter;
    }

    public ResolutionTarget Target => new(_settings.Python, _settings.Systems);

    /// <summary>Reads the inputs only: no network.</summary>
    public LoadedInputs LoadInputs()
    {
        _reporter.Phase("reading inputs");
        var inputs = new InputLoader(_settings, _context).Load(Target);
        foreach (var warning in inputs.Warnings)
        {
            _reporter.Warn(warning);
        }
        return inputs;
    }

    public async Task<GeneratedFile> RunAsync(LoadedInputs inputs, string command, CancellationToken cancellationToken)
    {
        var index = inputs.Manifest?.Index ?? IndexSettings.PyPI with
        {
            IndexUrl = (_settings.IndexUrl ?? _settings.IndexUrlFromEnvironment) is { } url ? InputLoader.ParseIndexUrl(url, "--index-url") : IndexSettings.PyPISimpleUrl,
        };
        using var client = new PyPIClient(ClientOptions(index));
        using var progress = _reporter.Track(client);

        using var factsCache = new BuildFactsCache(_settings.CacheDirectory);
        var facts = new BuildFactsReader(client, factsCache, _reporter);
        // Reading ahead hides the index's latency behind the solving. So nothing is read ahead for a
        // lock (resolved already: nothing is pinned) or offline, where there is no latency to hide and
        // the reads would only take the cores the solver needs (warm 166-package run, two series of 30
        // alternated runs each: median 240 -> 226 ms and 249 -> 240 ms); the fill reads what the
        // resolution keeps, on every core, once it is final.
        await using var speculation = inputs.Locked is null && !_settings.Offline
            ? new SpeculativeBuildFacts(facts, _settings.Wheels, _settings.Python, SpeculativeBuildFacts.WorkersFor(_settings.Concurrency), cancellationToken)
            : null;
        Resolution resolution;
        if (inputs.Locked is { } locked)
        {
            resolution = locked;
        }
        else
        {
            _reporter.Phase("resolving");
            var options = ResolverOptions.Default with { MaxConcurrentRequests = _settings.Concurrency, Observer = speculation };
            var (resolved, statistics) = await new DependencyResolver(client, options).ResolveWithStatisticsAsync(inputs.Manifest!, Target, cancellationToken);
            resolution = resolved;
            _reporter.Detail(Describe(statistics));
        }
        speculation?.Stop();

        _reporter.Phase("reading build systems");
        resolution = await facts.FillAsync(resolution, _settings.Wheels, cancellationToken);

        _reporter.Phase("writing");
        var text = PythonPackagesFile.Write(resolution, new EmitOptions
        {
            Wheels = _settings.Wheels,
            ReuseNixpkgs = _settings.ReuseNixpkgs,
            Inputs = inputs.Files,
            Command = command,
        });
        ReportCacheWriteFailures(client, factsCache);
        _reporter.Done($"{resolution.Packages.Count} packages for Python {_settings.Python} on {_settings.Systems}; {client.Counts.Requests} HTTP requests");
        return new GeneratedFile(text, resolution);
    }

    /// <summary>
    /// One warning for a cache that could not be written, however many entries failed (-v lists
    /// each): a run that keeps nothing is a cold run every time, which a user should hear about.
    /// </summary>
    private void ReportCacheWriteFailures(PyPIClient client, BuildFactsCache factsCache)
    {
        client.FlushCache();
        factsCache.Flush();
        var (documents, facts) = (client.CacheWriteFailures, factsCache.WriteFailures);
        if ((documents ?? facts) is { } first)
        {
            var count = (documents?.Count ?? 0) + (facts?.Count ?? 0);
            _reporter.Warn($"{count} cache {(count == 1 ? "entry" : "entries")} under {_settings.CacheDirectory} could not be written, so later runs will fetch them again (the first: {first.First})");
        }
    }

    private static string Describe(ResolverStatistics statistics) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"resolver: {statistics.ListingRequests} listings and {statistics.MetadataRequests} metadata reads asked of the index; {statistics.Rounds} rounds, {statistics.Backjumps} backjumps; the solvers waited {statistics.SolverWaits} times for data not yet there, {statistics.SolverWaitTime.TotalSeconds:F3} s in all");

    private PyPIClientOptions ClientOptions(IndexSettings index) => PyPIClientOptions.For(index) with
    {
        CacheDirectory = _settings.CacheDirectory,
        Offline = _settings.Offline,
        Refresh = _settings.Refresh,
        Retry = RetrySettings.Default with { MaxRetries = _settings.Retries },
        RequestTimeout = _settings.RequestTimeout,
        MaxConcurrency = _settings.Concurrency,
        NetrcText = ReadNetrc(),
        Log = _settings.Verbosity == Verbosity.Verbose ? _reporter.Log : null,
    };

    private string? ReadNetrc()
    {
        if (_settings.NetrcPath is not { } path)
        {
            return null;
        }
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _reporter.Warn($"{path}: not read: {exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// The command that regenerates the file, written into its header: canonical (the same settings
    /// give the same text), without options that do not change the output, credentials redacted.
    /// </summary>
    public static string CommandOf(Settings settings, string? output)
    {
        var words = new List<string> { "req2nix" };
        foreach (var constraint in settings.Constraints)
        {
            words.Add("-c");
            words.Add(constraint);
        }
        if (settings.IndexUrl is { } index)
        {
            words.Add("--index-url");
            words.Add(UrlRedactor.Redact(index));
        }
        foreach (var extra in settings.ExtraIndexUrls)
        {
            words.Add("--extra-index-url");
            words.Add(UrlRedactor.Redact(extra));
        }
        if (settings.Pre)
        {
            words.Add("--pre");
        }
        words.Add("--python");
        words.Add(settings.Python.ToString());
        if (settings.Systems != Req2Nix.Packaging.Targets.SystemSet.All)
        {
            foreach (var system in settings.Systems)
            {
                words.Add("--system");
                words.Add(system.ToString());
            }
        }
        if (settings.Wheels != WheelPolicy.Pure)
        {
            words.Add("--wheels");
            words.Add(WheelPolicyNames.Of(settings.Wheels));
        }
        if (settings.ReuseNixpkgs)
        {
            words.Add("--reuse-nixpkgs");
        }
        if (settings.OnlyMain)
        {
            words.Add("--only-main");
        }
        foreach (var group in settings.Groups)
        {
            words.Add("--group");
            words.Add(group);
        }
        if (settings.AllExtras)
        {
            words.Add("--all-extras");
        }
        foreach (var extra in settings.Extras)
        {
            words.Add("--extras");
            words.Add(extra);
        }
        if (output is not null)
        {
            words.Add("-o");
            words.Add(output);
        }
        words.AddRange(settings.Inputs);
        return string.Join(' ', words.Select(ShellQuote));
    }

    private static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '+' or ',')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>The text of python-packages.nix and the resolution it was written from.</summary>
public sealed record GeneratedFile(string Text, Resolution Resolution);
