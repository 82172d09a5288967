using Req2Nix.Tests.Shared;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>A theory that runs pip; skipped with a reason when pip does not run (a failure where <see cref="SharedFolder.RequireVariable"/> is set).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PipTheoryAttribute : TheoryAttribute
{
    private static readonly Lazy<string?> Reason = new(() =>
        SharedFolder.Required || PipRunner.PipVersion() is not null
            ? null
            : $"skipped: '{PipRunner.Python} -m pip' does not run (set {PipRunner.PythonVariable}, or {SharedFolder.RequireVariable} to make this a failure)");

    public PipTheoryAttribute()
    {
        Skip = Reason.Value;
    }
}
