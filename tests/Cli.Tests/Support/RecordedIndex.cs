using Req2Nix.FixtureIndex;

namespace Req2Nix.Cli.Tests.Support;

/// <summary>The recorded index of fixtures/data/index on loopback, shared by a test class.</summary>
public sealed class RecordedIndex : IAsyncLifetime
{
    private FixtureIndexServer? _server;

    public FixtureIndexServer Server => _server ?? throw new InvalidOperationException("not started");

    public string SimpleUrl => Server.SimpleUrl.ToString();

    public async Task InitializeAsync() => _server = await FixtureIndexServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
