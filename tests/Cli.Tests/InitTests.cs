using Req2Nix.Cli.Tests.Support;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Cli.Tests;

/// <summary><c>req2nix init</c>: migrating a repository to a flake.</summary>
public class InitTests : IClassFixture<RecordedIndex>
{
    private readonly RecordedIndex _index;

    public InitTests(RecordedIndex index) => _index = index;

    [NixFact("nix-instantiate")]
    public async Task Init_writes_a_flake_a_package_file_and_an_envrc_that_parse()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "flask\nrequests\n");

        var result = await sandbox.RunAsync("init", "-i", _index.SimpleUrl);

        Assert.Equal(ExitCode.Done, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        NixTools.Run("nix-instantiate", "--parse", sandbox.PathOf("flake.nix"));
        NixTools.Run("nix-instantiate", "--parse", sandbox.PathOf("python-packages.nix"));
        Assert.Equal("use flake\n", sandbox.Read(".envrc"));
        var flake = sandbox.Read("flake.nix");
        Assert.Contains("python-packages.nix", flake, StringComparison.Ordinal);
        Assert.Contains("flask", flake, StringComparison.Ordinal);
        Assert.Contains("devShells", flake, StringComparison.Ordinal);
        Assert.Contains("aarch64-darwin", flake, StringComparison.Ordinal);
        Assert.Contains("# command: req2nix --index-url", sandbox.Read("python-packages.nix"), StringComparison.Ordinal);

        var again = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "--check", "requirements.txt");
        Assert.Equal(ExitCode.Done, again.ExitCode);
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_without_force()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\n");
        sandbox.Write("flake.nix", "{ }\n");

        var refused = await sandbox.RunAsync("init", "-i", _index.SimpleUrl);
        Assert.Equal(ExitCode.BadInput, refused.ExitCode);
        Assert.Contains("flake.nix", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ }\n", sandbox.Read("flake.nix"));
        Assert.False(File.Exists(sandbox.PathOf("python-packages.nix")));

        var forced = await sandbox.RunAsync("init", "--force", "-i", _index.SimpleUrl);
        Assert.Equal(ExitCode.Done, forced.ExitCode);
        Assert.NotEqual("{ }\n", sandbox.Read("flake.nix"));
    }

    [Fact]
    public async Task Init_without_any_input_says_what_it_looked_for()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("init");

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Contains("poetry.lock", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("requirements.txt", result.Stderr, StringComparison.Ordinal);
    }
}
