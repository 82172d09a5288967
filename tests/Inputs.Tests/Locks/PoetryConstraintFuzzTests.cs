using System.Text;
using Req2Nix.Inputs.Locks.Poetry;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>
/// Mutates Poetry constraints (character flips, truncation, repeated and inserted operators,
/// huge numbers) with a fixed seed: parsing either gives a constraint whose PEP 440 conversion
/// answers without throwing, or throws a <see cref="PoetryConstraintException"/> with a column
/// inside the input, never anything else, and each input takes bounded time.
/// </summary>
public sealed class PoetryConstraintFuzzTests
{
    private const int Seed = 0x5043;
    private const int Iterations = 30_000;

    private static readonly TimeSpan PerInputBudget = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan WholeRunBudget = TimeSpan.FromMinutes(1);

    private static readonly string[] Seeds =
    [
        "^1.2.3", "^0.0", "~1.2", "~=1.2.3", "1.2.*", "!=1.2.*", "v1.*", "==1.0a1.*", "*", "x", ">=1,<2", ">= 1.0, < 2.0",
        ">1.0 <=2.0", "^1.0,,", "=1.0", "!=1.5", "^1 || ^2", ">=2.7,!=3.0.*,!=3.1.*,<4", "^1.0.0-beta.1", "^1!2.0",
        "^1.2.3.post1", ">=3.8,<3.13", "<1.5 || >=2.0", "1.0.0rc1", "===1.0", "^3.9 | ^4.0", "~ 1.2", ">=1.0.dev0",
    ];

    private static readonly string[] Insertions =
    [
        "^", "~", "~=", "*", ".*", "||", "|", ",", " ", "<", ">", "=", "==", "!=", "===", "<=", ">=", ".", "-", "+", "!", "v", "x",
        "a", "b", "rc", "post", "dev", "alpha", "beta", "1", "0", "99999999999999999999999", "1!", "\t", "\u00e9", "(", ")",
    ];

    [Fact]
    public Task Mutated_constraints_fail_only_with_a_positioned_PoetryConstraintException() =>
        new Fuzzer<string, PoetryConstraintException>
        {
            Seed = Seed,
            Iterations = Iterations,
            PerInputLimit = PerInputBudget,
            WholeRunLimit = WholeRunBudget,
            Next = random => Mutate(Seeds[random.Next(Seeds.Length)], random),
            Run = static input =>
            {
                var constraint = PoetryConstraint.Parse(input);
                Assert.NotEmpty(constraint.Alternatives);
                constraint.TryGetSpecifierSet(out _, out _);
            },
            ProblemWith = static (input, error) =>
                error.Column < 1 || error.Column > input.Length + 1 || string.IsNullOrEmpty(error.Reason) ? $"bad column {error.Column} ('{error.Message}')" : null,
            Describe = static input => $"'{input}'",
        }.AssertNoFailuresAsync();

    private static string Mutate(string original, Random random)
    {
        var text = new StringBuilder(original);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = (char)random.Next(32, 127);
                    break;
                case 1:
                    text.Length = at;
                    break;
                case 2:
                    text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
                    break;
                case 3:
                    text.Insert(at, Insertions[random.Next(Insertions.Length)], random.Next(1, 40));
                    break;
                default:
                    text.Insert(at, Insertions[random.Next(Insertions.Length)]);
                    break;
            }
        }
        return text.ToString();
    }
}
