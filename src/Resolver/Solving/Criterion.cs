namespace Req2Nix.Resolver.Solving;

/// <summary>
/// What is known about one identifier (resolvelib's criterion): the requirements on it with the
/// candidates that brought them in, the candidates known not to work, and the candidates left.
/// Immutable: the solver replaces it.
/// </summary>
internal sealed class Criterion
{
    public Criterion(Matches candidates, RequirementInformation[] information, Candidate[] incompatibilities)
    {
        Candidates = candidates;
        Information = information;
        Incompatibilities = incompatibilities;
    }

    public Matches Candidates { get; }

    public RequirementInformation[] Information { get; }

    public Candidate[] Incompatibilities { get; }
}
