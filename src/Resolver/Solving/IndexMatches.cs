using Req2Nix.Resolver.Releases;

namespace Req2Nix.Resolver.Solving;

/// <summary>
/// Candidates from the index: versions in pip's order of preference, each built (its metadata
/// fetched and checked) when first reached; versions with unusable metadata are skipped.
/// </summary>
internal sealed class IndexMatches : Matches
{
    private readonly int[] _order;
    private readonly Func<int, Candidate?> _build;
    private readonly Action<int>? _prefetch;
    private readonly List<Candidate> _built = [];
    private int _next;

    /// <param name="order">Catalog positions, most preferred first.</param>
    /// <param name="build">Makes the candidate for a catalog position; null when its metadata is unusable.</param>
    /// <param name="prefetch">Starts fetching a catalog position's metadata without waiting for it.</param>
    public IndexMatches(ProjectReleases project, int[] order, Func<int, Candidate?> build, Action<int>? prefetch = null)
    {
        Project = project;
        _order = order;
        _build = build;
        _prefetch = prefetch;
    }

    public ProjectReleases Project { get; }

    /// <summary>The catalog positions considered, most preferred first (before metadata checks).</summary>
    public IReadOnlyList<int> Order => _order;

    public override void PrefetchAfter(int position, int count)
    {
        if (_prefetch is null)
        {
            return;
        }
        // Positions past the built ones map onto the order from the next unbuilt entry.
        var start = _next + Math.Max(0, position + 1 - _built.Count);
        for (var i = start; i < _order.Length && i < start + count; i++)
        {
            _prefetch(_order[i]);
        }
    }

    public override Candidate? ElementAt(int position)
    {
        while (_built.Count <= position && _next < _order.Length)
        {
            var candidate = _build(_order[_next++]);
            if (candidate is not null)
            {
                _built.Add(candidate);
            }
        }
        return position < _built.Count ? _built[position] : null;
    }
}
