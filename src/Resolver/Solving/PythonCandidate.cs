using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Resolver.Solving;

/// <summary>The target interpreter, the only candidate for the Requires-Python node.</summary>
internal sealed class PythonCandidate : Candidate
{
    public PythonCandidate(Identifier identifier, Pep440Version version)
        : base(identifier, version)
    {
    }

    public override string ToString() => $"Python {Version}";
}
