using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

/// <summary>One server over fixtures/data/index shared by a test class that only reads (no faults, no log assertions).</summary>
public sealed class RecordedIndexFixture : IAsyncLifetime
{
    private FixtureIndexServer? _server;

    public FixtureIndexServer Server => _server ?? throw new InvalidOperationException("the server has not started");

    public HttpClient Client { get; } = RawHttp.CreateClient();

    public async Task InitializeAsync() => _server = await FixtureIndexServer.StartAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
