using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Resolver;

/// <summary>A requirement the user wrote, with where they wrote it and what came with it on that line.</summary>
public sealed record RootRequirement(Requirement Requirement, SourceLocation Origin)
{
    /// <summary>Where the distribution comes from when it is not an index (a URL, a VCS checkout, a path).</summary>
    public DirectSource? Source { get; init; }

    public bool Editable { get; init; }

    /// <summary>pip's <c>--hash</c> pins: the chosen file must match one of them.</summary>
    public IReadOnlyList<HashPin> Hashes { get; init; } = [];

    public PackageName Name => Requirement.NormalizedName;
}
