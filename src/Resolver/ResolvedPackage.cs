using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver;

/// <summary>One pinned package of a <see cref="Resolution"/>.</summary>
public sealed record ResolvedPackage(PackageName Name, Pep440Version Version)
{
    /// <summary>Null for a package from an index (its <see cref="Files"/> say where); else the URL, VCS or path it comes from.</summary>
    public DirectSource? Source { get; init; }

    /// <summary>The files of this version that may be used (sdist and wheels), each with a verified sha256.</summary>
    public IReadOnlyList<ResolvedFile> Files { get; init; } = [];

    public IReadOnlyList<ResolvedDependency> Dependencies { get; init; } = [];

    /// <summary>The dependencies each requested extra adds (only extras something asked for).</summary>
    public IReadOnlyDictionary<ExtraName, IReadOnlyList<ResolvedDependency>> OptionalDependencies { get; init; } =
        new Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>>();

    /// <summary>The systems this package is needed on.</summary>
    public SystemSet Systems { get; init; }

    public string? RequiresPython { get; init; }

    /// <summary>The sdist's <c>[build-system].requires</c>, when it has been read; null when unknown.</summary>
    public IReadOnlyList<Requirement>? BuildRequires { get; init; }

    /// <summary>The names the package installs at the top level (what <c>import</c> takes), when a file has been read; null when unknown.</summary>
    public IReadOnlyList<string>? TopLevelModules { get; init; }
}
