using Xunit.Sdk;

namespace Req2Nix.Inputs.Tests;

/// <summary>The fuzz tests' shared loop reports what it must: a foreign exception, a badly placed error.</summary>
public sealed class FuzzerTests
{
    [Fact]
    public async Task An_exception_other_than_the_parsers_own_fails_the_run()
    {
        var fuzzer = Fuzzer(run: input =>
        {
            if (input == 7)
            {
                throw new InvalidOperationException("boom");
            }
            throw new FormatException("fine");
        });

        var failure = await Assert.ThrowsAsync<TrueException>(fuzzer.AssertNoFailuresAsync);

        Assert.Contains("InvalidOperationException: boom for input 7", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fine", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parsers_own_exception_fails_the_run_when_the_check_finds_a_problem()
    {
        var fuzzer = Fuzzer(run: _ => throw new FormatException("no position"), problemWith: (input, _) => input == 3 ? "no position" : null);

        var failure = await Assert.ThrowsAsync<TrueException>(fuzzer.AssertNoFailuresAsync);

        Assert.Contains(": no position for input 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_parser_that_only_throws_its_own_exception_passes() =>
        Fuzzer(run: input => _ = input % 2 == 0 ? input : throw new FormatException("odd")).AssertNoFailuresAsync();

    private static Fuzzer<int, FormatException> Fuzzer(Action<int> run, Func<int, FormatException, string?>? problemWith = null) => new()
    {
        Seed = 1,
        Iterations = 200,
        PerInputLimit = TimeSpan.FromSeconds(5),
        WholeRunLimit = TimeSpan.FromMinutes(1),
        Next = random => random.Next(10),
        Run = run,
        ProblemWith = problemWith ?? ((_, _) => null),
        Describe = input => $"input {input}",
    };
}
