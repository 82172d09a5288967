namespace Req2Nix.Tests.Shared;

/// <summary>
/// A theory over one external conformance suite under <c>../shared/conformance</c>: one test case
/// per suite case. Skipped with a clear reason when the folder is absent (a user's clone), never
/// in CI, where <see cref="SharedFolder.RequireVariable"/> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute(string suite)
    {
        Skip = SharedFolder.SkipReasonFor(System.IO.Path.Combine(SharedFolder.Conformance, suite));
    }
}

/// <summary>A single test that needs a folder under <c>../shared</c>; skipped like <see cref="ConformanceTheoryAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relativePath)
    {
        Skip = SharedFolder.SkipReasonFor(System.IO.Path.Combine(SharedFolder.Path, relativePath));
    }
}

/// <summary>A theory that needs a folder under <c>../shared</c>; skipped like <see cref="ConformanceTheoryAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relativePath)
    {
        Skip = SharedFolder.SkipReasonFor(System.IO.Path.Combine(SharedFolder.Path, relativePath));
    }
}
