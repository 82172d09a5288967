using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Locks.Poetry;

/// <summary>
/// Turns a <see cref="PoetryLock"/> into a <see cref="Resolution"/> for a target, without the
/// network: the packages the project needs on each target system, each with its files and their
/// sha256 from the lock, and the dependency edges with the systems they hold on.
/// </summary>
/// <remarks>
/// <para>The roots are the pyproject.toml's dependencies for the selection when it is given. Without
/// it, they are the locked packages that nothing else in the lock depends on (and, for packages
/// that only depend on each other, one of each such cycle), restricted to the selected groups
/// (lock 2.1 <c>groups</c>, older <c>category</c>) and, for optional packages, to the selected
/// extras; lock 2.1's package <c>markers</c> say where such a root is needed.</para>
/// <para>From the roots the dependency graph is walked with each edge's marker evaluated for every
/// target system; an optional dependency counts only where an extra that lists it was requested.
/// Where the lock holds several versions of one name, an edge goes to the versions its constraint
/// and source allow, on the systems their lock 2.1 markers give; if two versions still meet on a
/// system, the first in the lock keeps it and a note says so.</para>
/// <para>Problems in the lock are <see cref="LockFileException"/>s; problems in the pyproject.toml
/// are <see cref="PyprojectException"/>s.</para>
/// </remarks>
public static class PoetryResolutionBuilder
{
    public static Resolution ToResolution(
        PoetryLock lockFile,
        ResolutionTarget target,
        DependencySelection? selection = null,
        PyprojectToml? project = null)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            return new PoetryResolution(lockFile, target, selection ?? DependencySelection.Default, project).Build();
        }
        catch (TomlException error)
        {
            throw LockFileException.From(error);
        }
    }
}
