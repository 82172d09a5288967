using System.Text;
using Req2Nix.Emit;
using Req2Nix.FixtureIndex;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;
using Req2Nix.PyPI;
using Req2Nix.Resolver;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Cli.Tests;

/// <summary>Build facts read while resolving (<see cref="SpeculativeBuildFacts"/>) against the recorded index on loopback.</summary>
public sealed class SpeculativeBuildFactsTests : IAsyncLifetime
{
    private static readonly PythonTarget Python = PythonTarget.Parse("3.11");
    private static readonly ResolutionTarget Linux = new(Python, SystemSet.Of(NixSystem.LinuxX64));
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("req2nix-speculation-");
    private FixtureIndexServer? _server;

    private FixtureIndexServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await FixtureIndexServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _scratch.Delete(recursive: true);
    }

    [Fact]
    public async Task Reads_started_while_resolving_give_what_the_final_fill_alone_gives_and_nothing_is_downloaded_twice()
    {
        await using var speculating = new Run(this, "speculating");
        var resolution = await speculating.ResolveAsync("six", "markupsafe", "requests");
        var filled = await speculating.Reader.FillAsync(resolution, WheelPolicy.Never, CancellationToken.None);
        var downloads = Server.Requests.Records().Where(IsDistribution).Select(record => record.Path).ToList();

        await using var plain = new Run(this, "plain");
        var expected = await plain.Reader.FillAsync(resolution, WheelPolicy.Never, CancellationToken.None);

        Assert.Equal(Facts(expected), Facts(filled));
        // The resolution also reads small wheels whole for their metadata: downloads besides the inspected files, none twice.
        Assert.Equal(downloads.Count, downloads.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(downloads.ToHashSet(StringComparer.Ordinal), BuildFiles.ToInspect(resolution, WheelPolicy.Never).Select(file => new Uri(file.File.Url).AbsolutePath).ToHashSet(StringComparer.Ordinal));
        Assert.DoesNotContain("warning", speculating.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_for_a_pin_the_resolution_did_not_keep_neither_fails_nor_warns()
    {
        await using var run = new Run(this, "backtracked");
        var corrupted = await run.SdistOfAsync("idna");
        var missing = await run.SdistOfAsync("chardet");
        Server.Faults = Server.Faults.WithCorruptedBody(corrupted.Url.AbsolutePath).WithFixedStatus(missing.Url.AbsolutePath, 404);
        run.Speculation.Pinned(Pin("idna", corrupted));
        run.Speculation.Pinned(Pin("chardet", missing));
        await Assert.ThrowsAsync<HashMismatchException>(() => run.Reader.ReadOf(Resolved(corrupted), out _).Completion);
        Assert.NotEmpty((await run.Reader.ReadOf(Resolved(missing), out _).Completion).Warnings);

        var resolution = await run.ResolveAsync("six");
        var filled = await run.Reader.FillAsync(resolution, WheelPolicy.Never, CancellationToken.None);

        Assert.Equal(["six"], filled.Packages.Select(package => package.Name.ToString()));
        Assert.NotNull(filled.Packages[0].TopLevelModules);
        Assert.DoesNotContain("warning", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_mismatch_in_a_file_the_output_uses_is_still_an_error()
    {
        await using var run = new Run(this, "mismatch");
        var sdist = await run.SdistOfAsync("six");
        Server.Faults = Server.Faults.WithCorruptedBody(sdist.Url.AbsolutePath);

        var resolution = await run.ResolveAsync("six");

        await Assert.ThrowsAsync<HashMismatchException>(() => run.Reader.FillAsync(resolution, WheelPolicy.Never, CancellationToken.None));
    }

    [Fact]
    public async Task Speculative_reads_keep_to_a_quarter_of_the_request_slots()
    {
        Server.Faults = Server.Faults with { Latency = TimeSpan.FromMilliseconds(30) };
        await using var run = new Run(this, "bounded", maxConcurrency: 8);
        string[] projects = ["six", "idna", "chardet", "certifi", "click", "flask", "jinja2", "markupsafe", "urllib3", "werkzeug"];
        var sdists = new List<DistributionFile>();
        foreach (var project in projects)
        {
            sdists.Add(await run.SdistOfAsync(project));
        }

        foreach (var (project, sdist) in projects.Zip(sdists))
        {
            run.Speculation.Pinned(Pin(project, sdist));
        }
        foreach (var sdist in sdists)
        {
            await run.Reader.ReadOf(Resolved(sdist), out _).Completion;
        }

        Assert.InRange(run.Handler.MaxInFlight, 1, SpeculativeBuildFacts.WorkersFor(8));
        Assert.Equal(projects.Length, Server.Requests.Records().Count(IsDistribution));
    }

    private static bool IsDistribution(RequestRecord record) =>
        record.Path.EndsWith(".tar.gz", StringComparison.Ordinal) || record.Path.EndsWith(".whl", StringComparison.Ordinal)
        || record.Path.EndsWith(".zip", StringComparison.Ordinal);

    private static PinnedRelease Pin(string project, DistributionFile sdist) =>
        new(PackageName.Parse(project), VersionOf(project, sdist), NixSystem.LinuxX64, [sdist]);

    private static Pep440Version VersionOf(string project, DistributionFile sdist) =>
        Pep440Version.Parse(sdist.Filename[(project.Length + 1)..^(sdist.Filename.EndsWith(".zip", StringComparison.Ordinal) ? 4 : 7)]);

    private static ResolvedFile Resolved(DistributionFile file) => new(file.Filename, file.Url.ToString(), file.Sha256!.Value);

    private static List<string> Facts(Resolution resolution) =>
        [.. resolution.Packages.Select(package =>
            $"{package.Name} {string.Join(',', package.BuildRequires ?? [])} {string.Join(',', package.TopLevelModules ?? [])}")];

    /// <summary>One run's client, reader and speculation over the test's server, with their own cache and stderr.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly StringWriter _stderr = new();
        private readonly PyPIClient _client;
        private readonly BuildFactsCache _factsCache;

        public Run(SpeculativeBuildFactsTests test, string name, int maxConcurrency = 16)
        {
            var cache = Path.Combine(test._scratch.FullName, name);
            _client = new PyPIClient(new PyPIClientOptions
            {
                IndexUrl = test.Server.SimpleUrl,
                CacheDirectory = cache,
                MaxConcurrency = maxConcurrency,
                HandlerFactory = () => Handler,
            });
            var context = new CliContext(new MemoryStream(), _stderr, new MemoryStream(), new Dictionary<string, string>(), test._scratch.FullName);
            _factsCache = new BuildFactsCache(cache);
            Reader = new BuildFactsReader(_client, _factsCache, new ConsoleReporter(context, Verbosity.Normal));
            Speculation = new SpeculativeBuildFacts(Reader, WheelPolicy.Never, Python, SpeculativeBuildFacts.WorkersFor(maxConcurrency), CancellationToken.None);
        }

        public InFlightCounter Handler { get; } = new();

        public BuildFactsReader Reader { get; }

        public SpeculativeBuildFacts Speculation { get; }

        public string Stderr => _stderr.ToString();

        public async Task<Resolution> ResolveAsync(params string[] requirements)
        {
            var manifest = new Manifest([.. requirements.Select((line, i) =>
                new RootRequirement(Packaging.Pep508.Requirement.Parse(line), new SourceLocation("requirements.txt", i + 1)))]);
            var options = ResolverOptions.Default with { Observer = Speculation };
            var resolution = await new DependencyResolver(_client, options).ResolveAsync(manifest, Linux, CancellationToken.None);
            Speculation.Stop();
            return resolution;
        }

        /// <summary>The sdist of the project's newest version that has one.</summary>
        public async Task<DistributionFile> SdistOfAsync(string project)
        {
            var listing = await _client.GetProjectAsync(PackageName.Parse(project), CancellationToken.None);
            return listing.Files
                .Where(file => file.Filename.EndsWith(".tar.gz", StringComparison.Ordinal) && file.Sha256 is not null)
                .OrderBy(file => VersionOf(project, file))
                .Last();
        }

        public async ValueTask DisposeAsync()
        {
            await Speculation.DisposeAsync();
            _factsCache.Dispose();
            _client.Dispose();
            await _stderr.DisposeAsync();
        }
    }

    /// <summary>The most distribution downloads the client had in flight at once.</summary>
    private sealed class InFlightCounter : DelegatingHandler
    {
        private int _inFlight;
        private int _max;

        public InFlightCounter()
            : base(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
        }

        public int MaxInFlight => Volatile.Read(ref _max);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!IsDistributionPath(request.RequestUri!.AbsolutePath))
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private static bool IsDistributionPath(string path) =>
            path.EndsWith(".tar.gz", StringComparison.Ordinal) || path.EndsWith(".whl", StringComparison.Ordinal);
    }
}
