using System.Diagnostics;
using System.Net;
using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class ServerLifecycleTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "req2nix-fixture-index.dll");

    [Fact]
    public async Task A_folder_that_is_not_a_mirror_is_refused_before_serving()
    {
        var missing = Path.Combine(Path.GetTempPath(), "req2nix-no-such-mirror");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => FixtureIndexServer.StartAsync(new FixtureIndexOptions { Root = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("mkindex.py", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_an_error()
    {
        await using var first = await FixtureIndexServer.StartAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => FixtureIndexServer.StartAsync(new FixtureIndexOptions { Port = first.Port }));
    }

    [Fact]
    public async Task Servers_run_side_by_side_on_their_own_ports()
    {
        await using var first = await FixtureIndexServer.StartAsync();
        await using var second = await FixtureIndexServer.StartAsync();
        using var client = new HttpClient();

        var page = await client.GetStringAsync(second.Url("/simple/six/"));

        Assert.NotEqual(first.Port, second.Port);
        Assert.Contains(second.BaseUri.GetLeftPart(UriPartial.Authority) + "/packages/", page, StringComparison.Ordinal);
        Assert.Equal(0, first.Requests.Total);
    }

    [Fact]
    public async Task The_executable_prints_the_simple_url_and_serves_it()
    {
        using var process = Start("--latency-ms", "1", "--seed", "5");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new HttpClient();

            using var response = await client.GetAsync(new Uri(new Uri(line!), "requests/"));

            Assert.Matches("^http://127\\.0\\.0\\.1:[0-9]+/simple/$", line);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData(2, "unknown argument '--nope'", "--nope")]
    [InlineData(1, "is not an index mirror", "--root", "/nonexistent/req2nix-mirror")]
    public async Task The_executable_explains_what_stops_it(int exitCode, string message, params string[] args)
    {
        using var process = Start(args);
        var errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(await process.StandardOutput.ReadToEndAsync());
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }
}
