namespace Req2Nix.Inputs.Tests;

/// <summary>
/// The loop every parser's fuzz test shares: inputs made from a fixed seed, each run once; the
/// parser's own exception is checked by the caller, any other exception and any input over the time
/// limit is a failure. Stops after a few failures; a hang of the whole run fails it with a
/// <see cref="TimeoutException"/> instead of stalling the test run.
/// </summary>
/// <typeparam name="TInput">What one iteration parses (bytes, text, a file with its bytes).</typeparam>
/// <typeparam name="TException">The only exception the parser may throw.</typeparam>
internal sealed class Fuzzer<TInput, TException>
    where TException : Exception
{
    private const int MaxFailures = 10;

    public required int Seed { get; init; }

    public required int Iterations { get; init; }

    public required TimeSpan PerInputLimit { get; init; }

    public required TimeSpan WholeRunLimit { get; init; }

    /// <summary>The next input, drawn with the fuzzer's random source.</summary>
    public required Func<Random, TInput> Next { get; init; }

    /// <summary>The parser (and whatever else must not fail) on one input.</summary>
    public required Action<TInput> Run { get; init; }

    /// <summary>What is wrong with the parser's exception for this input (e.g. a position outside it), or null.</summary>
    public required Func<TInput, TException, string?> ProblemWith { get; init; }

    /// <summary>The input shown in a failure, enough to reproduce it.</summary>
    public required Func<TInput, string> Describe { get; init; }

    /// <summary>Runs every iteration and asserts that none failed.</summary>
    public async Task AssertNoFailuresAsync()
    {
        var failures = await Task.Run(Failures).WaitAsync(WholeRunLimit);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private List<string> Failures()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var budget = new FuzzTimeBudget(PerInputLimit);
        for (var iteration = 0; iteration < Iterations && failures.Count < MaxFailures; iteration++)
        {
            var input = Next(random);
            void RunInput() => Run(input);
            try
            {
                budget.Run(RunInput);
            }
            catch (TException error)
            {
                if (ProblemWith(input, error) is { } problem)
                {
                    failures.Add($"iteration {iteration}: {problem} for {Describe(input)}");
                }
            }
            catch (Exception other) when (other is not OutOfMemoryException)
            {
                failures.Add($"iteration {iteration}: {other.GetType().Name}: {other.Message} for {Describe(input)}\n{other.StackTrace}");
            }
            if (budget.Exceeded(RunInput, out var took))
            {
                failures.Add($"iteration {iteration}: took {took} for {Describe(input)}");
            }
        }
        return failures;
    }
}
