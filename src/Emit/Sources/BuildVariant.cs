using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Sources;

/// <summary>
/// One <c>buildPythonPackage</c> of an attribute: a pinned version, built one way on a set of
/// systems. An attribute has several when systems need different versions (a fork) or, with
/// wheels, when some systems build the sdist and others install a wheel.
/// </summary>
/// <param name="Sources">For a wheel, the file for each group of systems (one group when all share one file); for an sdist, one entry; empty otherwise.</param>
internal sealed record BuildVariant(ResolvedPackage Package, SystemSet Systems, ArtifactKind Kind, IReadOnlyList<SystemFile> Sources)
{
    /// <summary>The systems among <see cref="Systems"/> that install a platform (non-pure) wheel.</summary>
    public SystemSet PlatformWheelSystems { get; init; }
}

/// <summary>A file and the systems that use it.</summary>
internal sealed record SystemFile(SystemSet Systems, ResolvedFile File);
