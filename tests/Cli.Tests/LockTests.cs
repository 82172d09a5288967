using Req2Nix.Cli.Tests.Support;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Cli.Tests;

/// <summary>Lock files need no resolution: a poetry.lock converts with no network at all.</summary>
public class LockTests
{
    private const string Lock = """
        [[package]]
        name = "six"
        version = "1.16.0"
        description = "Python 2 and 3 compatibility utilities"
        optional = false
        python-versions = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*"
        groups = ["main"]
        files = [
            {file = "six-1.16.0-py2.py3-none-any.whl", hash = "sha256:8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254"},
            {file = "six-1.16.0.tar.gz", hash = "sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926"},
        ]

        [metadata]
        lock-version = "2.1"
        python-versions = "^3.9"
        content-hash = "0000000000000000000000000000000000000000000000000000000000000000"
        """;

    [NixFact("nix-instantiate")]
    public async Task A_poetry_lock_converts_offline_with_the_locks_hashes()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("poetry.lock", Lock);

        var result = await sandbox.RunAsync("--offline", "poetry.lock");

        Assert.Equal(ExitCode.Done, result.ExitCode);
        Assert.Contains("  six = buildPythonPackage {", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("version = \"1.16.0\";", result.Stdout, StringComparison.Ordinal);
        var sri = Req2Nix.Packaging.Hashing.Sha256Digest.Parse("8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254").ToSri();
        Assert.Contains(sri, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("not in the cache", result.Stderr, StringComparison.Ordinal);
        sandbox.Write("out.nix", result.Stdout);
        NixTools.Run("nix-instantiate", "--parse", sandbox.PathOf("out.nix"));
    }

    [Fact]
    public async Task A_lock_with_other_inputs_is_a_usage_error()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("poetry.lock", Lock);
        sandbox.Write("requirements.txt", "six\n");

        var result = await sandbox.RunAsync("--offline", "poetry.lock", "requirements.txt");

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Contains("lock file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_lock_is_bad_input_with_its_position()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("poetry.lock", "[[package]]\nname = \"six\"\nversion = \n");

        var result = await sandbox.RunAsync("--offline", "poetry.lock");

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("poetry.lock:3:", result.Stderr, StringComparison.Ordinal);
    }
}
