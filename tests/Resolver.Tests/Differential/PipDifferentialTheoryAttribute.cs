namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>A theory that compares req2nix with pip; skipped with a reason when the shared mirror or pip is missing (never in CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PipDifferentialTheoryAttribute : TheoryAttribute
{
    public PipDifferentialTheoryAttribute()
    {
        Skip = DifferentialFixture.SkipReason;
    }
}
