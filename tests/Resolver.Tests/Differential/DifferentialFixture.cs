using System.Collections.Concurrent;
using Req2Nix.FixtureIndex;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// The shared mirror served on loopback for pip, and pip's answers for the cases, computed two at a
/// time in the background from the start (pip takes seconds per case; req2nix milliseconds).
/// Each case serves the mirror to req2nix itself, so that a server's log counts one client only.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PipOutcome>>> _outcomes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pipSlots = new(2, 2);
    private FixtureIndexServer? _server;
    private PipOracle? _oracle;

    public string MirrorFolder { get; private set; } = string.Empty;

    public static string? SkipReason
    {
        get
        {
            var shared = SharedFolder.SkipReasonFor(SharedFolder.PypiMirror);
            if (shared is not null)
            {
                return shared;
            }
            if (SharedFolder.Required || PipRunner.PipVersion() is not null)
            {
                return null;
            }
            return $"skipped: '{PipRunner.Python} -m pip' does not run (set {PipRunner.PythonVariable}, or {SharedFolder.RequireVariable} to make this a failure)";
        }
    }

    public async Task InitializeAsync()
    {
        if (SharedFolder.SkipReasonFor(SharedFolder.PypiMirror) is not null && !SharedFolder.Required)
        {
            return;
        }
        MirrorFolder = await MirrorBuilder.SharedMirrorAsync();
        _server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = MirrorFolder });
        var builder = MirrorBuilder.FromEnvironment();
        _oracle = new PipOracle(_server.SimpleUrl, builder.InputsKey, Path.Combine(builder.CacheFolder, "pip-oracle"));
        foreach (var name in DifferentialCase.Names())
        {
            _ = PipAsync(DifferentialCase.Load(name));
        }
    }

    internal Task<PipOutcome> PipAsync(DifferentialCase differentialCase) =>
        _outcomes.GetOrAdd(differentialCase.Name, _ => new Lazy<Task<PipOutcome>>(() => RunThrottledAsync(differentialCase))).Value;

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_outcomes.Values.Where(lazy => lazy.IsValueCreated).Select(lazy => lazy.Value.ContinueWith(_ => { }, TaskScheduler.Default)));
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _pipSlots.Dispose();

    private async Task<PipOutcome> RunThrottledAsync(DifferentialCase differentialCase)
    {
        await _pipSlots.WaitAsync();
        try
        {
            return await (_oracle ?? throw new InvalidOperationException("the shared mirror is absent")).ResolveAsync(differentialCase);
        }
        finally
        {
            _pipSlots.Release();
        }
    }
}
