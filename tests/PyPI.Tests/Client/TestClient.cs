using System.Collections.Concurrent;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.Client;

/// <summary>
/// A <see cref="PyPIClient"/> for a test: against a fixture server, with a cache folder of its own
/// (deleted with it), fast retries, and every log line kept for assertions.
/// </summary>
internal sealed class TestClient : IDisposable
{
    private readonly bool _ownsCache;

    public TestClient(PyPIClientOptions options, bool ownsCache)
    {
        _ownsCache = ownsCache;
        var events = Events;
        Client = new PyPIClient(options with { Log = e => events.Enqueue(e) });
    }

    public PyPIClient Client { get; }

    public ConcurrentQueue<IndexClientEvent> Events { get; } = new();

    public string? CacheDirectory => Client.Options.CacheDirectory;

    /// <summary>Retries fast enough for tests, and many, so that seeded faults always end in success.</summary>
    public static RetrySettings FastRetries { get; } = new()
    {
        MaxRetries = 10,
        BaseDelay = TimeSpan.FromMilliseconds(2),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    public static PyPIClientOptions OptionsFor(FixtureIndexServer server, string? cacheDirectory = null) => new()
    {
        IndexUrl = server.SimpleUrl,
        CacheDirectory = cacheDirectory,
        Retry = FastRetries,
        RequestTimeout = TimeSpan.FromSeconds(10),
        Deadline = TimeSpan.FromMinutes(2),
    };

    /// <summary>A client with a fresh cache folder, or <paramref name="cacheDirectory"/> (then kept).</summary>
    public static TestClient For(FixtureIndexServer server, string? cacheDirectory = null, Func<PyPIClientOptions, PyPIClientOptions>? configure = null)
    {
        var owns = cacheDirectory is null;
        var options = OptionsFor(server, cacheDirectory ?? NewCacheDirectory());
        return new TestClient(configure?.Invoke(options) ?? options, owns);
    }

    public static string NewCacheDirectory() =>
        Path.Combine(Path.GetTempPath(), "req2nix-pypi-tests", Guid.NewGuid().ToString("N"));

    public static void DeleteDirectory(string? directory)
    {
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        if (_ownsCache)
        {
            DeleteDirectory(CacheDirectory);
        }
    }
}
