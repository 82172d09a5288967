namespace Req2Nix.Resolver.Solving;

/// <summary>
/// The candidates a criterion still allows, most preferred first (resolvelib's candidate view of
/// <c>find_matches</c>). Lazy like pip's: a candidate's metadata is fetched only when the solver
/// looks that far, and releases whose metadata is unusable are passed over.
/// </summary>
internal abstract class Matches
{
    public static Matches None { get; } = new ExplicitMatches([]);

    /// <summary>The candidate at <paramref name="position"/>, or null past the end.</summary>
    public abstract Candidate? ElementAt(int position);

    /// <summary>Starts fetching what the next <paramref name="count"/> candidates after <paramref name="position"/> need (nothing by default).</summary>
    public virtual void PrefetchAfter(int position, int count)
    {
    }

    /// <summary>Whether there is any candidate (pip's <c>bool(candidates)</c>, which builds the first one).</summary>
    public bool Any() => ElementAt(0) is not null;
}
