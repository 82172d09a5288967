using Req2Nix.FixtureIndex;

namespace Req2Nix.PyPI.Tests.FixtureIndex;

public sealed class ServeArgumentsTests
{
    [Fact]
    public void Every_option_reaches_the_server_options()
    {
        var parsed = ServeArguments.Parse([
            "--root", "/tmp/mirror", "--port", "8765", "--latency-ms", "20", "--failure-rate", "0.25",
            "--failure-status", "429", "--truncate-rate", "0.1", "--seed", "-3", "--user", "u", "--password", "p",
        ]);

        Assert.Equal("/tmp/mirror", parsed.Options.Root);
        Assert.Equal(8765, parsed.Options.Port);
        var faults = parsed.Options.Faults;
        Assert.Equal(TimeSpan.FromMilliseconds(20), faults.Latency);
        Assert.Equal(0.25, faults.FailureRate);
        Assert.Equal(429, faults.FailureStatus);
        Assert.Equal(0.1, faults.TruncationRate);
        Assert.Equal(-3, faults.Seed);
        Assert.False(parsed.SharedMirror);
    }

    [Fact]
    public void No_options_serve_the_recorded_data_on_a_free_port()
    {
        var parsed = ServeArguments.Parse([]);

        Assert.Null(parsed.Options.Root);
        Assert.Equal(0, parsed.Options.Port);
        Assert.Equal(FaultSettings.None, parsed.Options.Faults);
        Assert.False(parsed.Help);
    }

    [Fact]
    public void Mirror_asks_for_the_shared_mirror()
    {
        Assert.True(ServeArguments.Parse(["--mirror"]).SharedMirror);
        Assert.True(ServeArguments.Parse(["--help"]).Help);
    }

    [Theory]
    [InlineData("unknown argument '--bogus'", "--bogus")]
    [InlineData("--port needs a value", "--port")]
    [InlineData("--port takes a whole number from 0 to 65535, not '70000'", "--port", "70000")]
    [InlineData("--latency-ms takes a whole number from 0 to 600000, not 'fast'", "--latency-ms", "fast")]
    [InlineData("--failure-rate takes a number from 0 to 1, not '1.5'", "--failure-rate", "1.5")]
    [InlineData("--truncate-rate takes a number from 0 to 1, not '-0.1'", "--truncate-rate", "-0.1")]
    [InlineData("--failure-status takes a whole number from 100 to 599, not '99'", "--failure-status", "99")]
    [InlineData("--root and --mirror cannot be used together", "--root", "x", "--mirror")]
    [InlineData("--user and --password go together", "--user", "u")]
    [InlineData("--user cannot contain ':'", "--user", "a:b", "--password", "p")]
    public void Mistakes_are_told_plainly(string message, params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => ServeArguments.Parse(args));

        Assert.Equal(message, error.Message);
    }
}
