using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Resolver.Solving;

/// <summary>A release's Requires-Python, a requirement on the interpreter node.</summary>
internal sealed class RequiresPythonRequirement : SolverRequirement
{
    public RequiresPythonRequirement(SpecifierSet specifier, PythonCandidate python)
        : base(python.Identifier)
    {
        Specifier = specifier;
        Python = python;
    }

    public SpecifierSet Specifier { get; }

    public PythonCandidate Python { get; }

    /// <summary>The interpreter, when it satisfies the requirement (pip's lookup); else nothing can.</summary>
    public override Candidate? ExplicitCandidate => IsSatisfiedBy(Python) ? Python : null;

    public override bool IsSatisfiedBy(Candidate candidate) => Specifier.Contains(candidate.Version, prereleases: true);

    public override string Describe() => $"Python {Specifier}";
}
