using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

/// <summary>
/// A fixture index server (over fixtures/data/index unless <see cref="Options"/> says otherwise) and
/// a raw client, started and stopped with their owner: a test class deriving from it gets a server
/// per test (for faults and request counts); <see cref="RecordedIndexFixture"/> shares one per class.
/// </summary>
public abstract class LoopbackIndex : IAsyncLifetime
{
    private FixtureIndexServer? _server;

    public FixtureIndexServer Server => _server ?? throw new InvalidOperationException("the server has not started");

    /// <summary>A client that sees answers as sent: redirects not followed, bodies not decompressed.</summary>
    public HttpClient Client { get; } = RawHttp.CreateClient();

    protected virtual FixtureIndexOptions Options => new();

    public async Task InitializeAsync() => _server = await FixtureIndexServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
