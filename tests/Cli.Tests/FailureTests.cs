using Req2Nix.Cli.Tests.Support;
using Req2Nix.FixtureIndex;

namespace Req2Nix.Cli.Tests;

/// <summary>Every failure: one message on stderr, nothing on stdout, the documented exit code.</summary>
public class FailureTests : IClassFixture<RecordedIndex>
{
    private readonly RecordedIndex _index;

    public FailureTests(RecordedIndex index) => _index = index;

    [Fact]
    public async Task A_requirement_that_does_not_parse_is_bad_input_with_its_position()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\nrequests >= = 2\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "requirements.txt");

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("requirements.txt:2:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_is_bad_input()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "poetry.lock");

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("poetry.lock: cannot read: no such file", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--check", "requirements.txt")]
    [InlineData("--no-such-option", "requirements.txt")]
    [InlineData("--system", "riscv64-plan9", "requirements.txt")]
    [InlineData("--python", "2.7", "requirements.txt")]
    [InlineData("--offline", "--refresh", "requirements.txt")]
    [InlineData("-i", "", "requirements.txt")]
    [InlineData("--concurrency", "0", "requirements.txt")]
    [InlineData("--concurrency", "257", "requirements.txt")]
    [InlineData("-i", "ftp://example.org/simple", "requirements.txt")]
    [InlineData()]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\n");

        var result = await sandbox.RunAsync(args);

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.NotEqual(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task A_project_no_index_has_is_unsatisfiable()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\nno-such-project-anywhere\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("no-such-project-anywhere", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicting_requirements_are_unsatisfiable_with_an_explanation()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "flask>=5\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("requirements.txt:1:1 needs flask>=5", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_that_keeps_failing_exits_with_3_and_names_the_url_without_credentials()
    {
        await using var server = await FixtureIndexServer.StartAsync(new FixtureIndexOptions
        {
            Faults = new FaultSettings { FailureRate = 1.0, FailureStatus = 503 },
        });
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\n");
        var url = $"http://user:s3cr3t-token@127.0.0.1:{server.Port}/simple/";

        var result = await sandbox.RunAsync("-i", url, "--retries", "0", "requirements.txt");

        Assert.Equal(ExitCode.IndexFailure, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains($"127.0.0.1:{server.Port}/simple/six/", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-token", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_with_an_empty_cache_exits_with_3_and_says_what_is_missing()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "--offline", "requirements.txt");

        Assert.Equal(ExitCode.IndexFailure, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("offline", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/simple/six/", result.Stderr, StringComparison.Ordinal);
    }
}
