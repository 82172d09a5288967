namespace Req2Nix.Resolver.Solving;

/// <summary>Candidates known in advance: the ones explicit requirements name.</summary>
internal sealed class ExplicitMatches : Matches
{
    private readonly Candidate[] _candidates;

    public ExplicitMatches(Candidate[] candidates)
    {
        _candidates = candidates;
    }

    public override Candidate? ElementAt(int position) => position < _candidates.Length ? _candidates[position] : null;
}
