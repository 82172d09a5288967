namespace Req2Nix.Resolver;

/// <summary>An input line asks for something the resolver cannot do (a VCS checkout, a local path, a constraint with extras).</summary>
public sealed class ResolutionInputException : Exception
{
    public ResolutionInputException(SourceLocation origin, string problem)
        : base($"{origin}: {problem}")
    {
        Origin = origin;
        Problem = problem;
    }

    public SourceLocation Origin { get; }

    /// <summary>The message without the location.</summary>
    public string Problem { get; }
}
