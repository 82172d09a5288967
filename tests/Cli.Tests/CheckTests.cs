using Req2Nix.Cli.Tests.Support;

namespace Req2Nix.Cli.Tests;

/// <summary><c>--check</c>: CI's question "is the committed file what the requirements give?".</summary>
public class CheckTests : IClassFixture<RecordedIndex>
{
    private readonly RecordedIndex _index;

    public CheckTests(RecordedIndex index) => _index = index;

    private async Task<CliSandbox> GeneratedAsync()
    {
        var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "requests\n");
        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "requirements.txt");
        Assert.Equal(ExitCode.Done, result.ExitCode);
        return sandbox;
    }

    [Fact]
    public async Task An_untouched_file_with_unchanged_inputs_is_confirmed_without_the_network()
    {
        using var sandbox = await GeneratedAsync();
        var requestsBefore = _index.Server.Requests.Total;

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "--check", "requirements.txt");

        Assert.Equal(ExitCode.Done, result.ExitCode);
        Assert.Equal(requestsBefore, _index.Server.Requests.Total);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("up to date", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_requirement_is_stale_with_a_diff_and_the_file_is_left_alone()
    {
        using var sandbox = await GeneratedAsync();
        var before = sandbox.Read("python-packages.nix");
        sandbox.Write("requirements.txt", "requests\nsix\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "--check", "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--- a/python-packages.nix", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("+++ b/python-packages.nix", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("+  six = buildPythonPackage {", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("its inputs changed: requirements.txt", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.Read("python-packages.nix"));
    }

    [Fact]
    public async Task A_hand_edit_is_caught_even_offline()
    {
        using var sandbox = await GeneratedAsync();
        var edited = sandbox.Read("python-packages.nix").Replace("doCheck = false;", "doCheck = true;", StringComparison.Ordinal);
        sandbox.Write("python-packages.nix", edited);

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "--check", "--offline", "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Contains("edited by hand", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("-    doCheck = true;", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("+    doCheck = false;", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_options_make_the_file_stale()
    {
        using var sandbox = await GeneratedAsync();

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "--check", "--python", "3.12", "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Contains("other options", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_stale()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "six\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "python-packages.nix", "--check", "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.PathOf("python-packages.nix")));
    }

    [Fact]
    public async Task An_included_file_that_changed_makes_the_file_stale()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("requirements.txt", "-r base.txt\n");
        sandbox.Write("base.txt", "six\n");
        Assert.Equal(ExitCode.Done, (await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "out.nix", "requirements.txt")).ExitCode);
        sandbox.Write("base.txt", "six\nidna\n");

        var result = await sandbox.RunAsync("-i", _index.SimpleUrl, "-o", "out.nix", "--check", "requirements.txt");

        Assert.Equal(ExitCode.StaleOrUnsatisfiable, result.ExitCode);
        Assert.Contains("its inputs changed: base.txt", result.Stderr, StringComparison.Ordinal);
    }
}
