namespace Req2Nix.Resolver.Solving;

/// <summary>A key with a small, dense, per-solver index (from 0), so that maps over it can be arrays.</summary>
internal interface IIndexedKey
{
    int Index { get; }
}
