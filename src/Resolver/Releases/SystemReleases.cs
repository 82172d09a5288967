using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Versions;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// What a project offers on one <see cref="TargetEnvironment"/> under the index settings: which
/// versions have a usable file (a compatible wheel or an allowed sdist whose Requires-Python admits
/// the interpreter, pip's link evaluation), which of those have only yanked files, and which have a
/// wheel (for <c>--prefer-binary</c>).
/// </summary>
public sealed class SystemReleases
{
    private SystemReleases(ProjectReleases project, VersionSet available, VersionSet yankedOnly, VersionSet withWheel)
    {
        Project = project;
        Available = available;
        YankedOnly = yankedOnly;
        WithWheel = withWheel;
    }

    public ProjectReleases Project { get; }

    public VersionSet Available { get; }

    /// <summary>Available versions whose usable files are all yanked (PEP 592).</summary>
    public VersionSet YankedOnly { get; }

    /// <summary>Available versions with a usable wheel that is not yanked.</summary>
    public VersionSet WithWheel { get; }

    public static SystemReleases For(ProjectReleases project, TargetEnvironment target, FormatControl formats) =>
        For(project, target, formats, pins: null);

    /// <param name="pins">When given, only files whose stated sha256 is one of them count (pip's <c>--hash</c>).</param>
    public static SystemReleases For(ProjectReleases project, TargetEnvironment target, FormatControl formats, IReadOnlySet<Sha256Digest>? pins)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(formats);
        var catalog = project.Catalog;
        var words = VersionSet.WordCount(catalog.Count);
        var available = new ulong[words];
        var yankedOnly = new ulong[words];
        var withWheel = new ulong[words];
        var wheels = formats.AllowsWheels(project.Name);
        var sdists = formats.AllowsSdists(project.Name);
        // A listing holds a handful of distinct Requires-Python specifiers: each is checked once.
        var pythonChecks = new Dictionary<SpecifierSet, bool>(ReferenceEqualityComparer.Instance);
        for (var index = 0; index < catalog.Count; index++)
        {
            var usable = false;
            var unyanked = false;
            var wheel = false;
            var files = project.FilesOf(index);
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                if (!IsUsableFormat(file, target, wheels, sdists)
                    || !SupportsPython(file.RequiresPython, target, pythonChecks)
                    || (pins is not null && !IsPinned(file, pins)))
                {
                    continue;
                }
                usable = true;
                unyanked |= !file.IsYanked;
                wheel |= file.IsWheel && !file.IsYanked;
            }
            var bit = 1UL << index;
            if (usable)
            {
                available[index >> 6] |= bit;
                if (!unyanked)
                {
                    yankedOnly[index >> 6] |= bit;
                }
                if (wheel)
                {
                    withWheel[index >> 6] |= bit;
                }
            }
        }
        return new SystemReleases(project, new VersionSet(catalog, available), new VersionSet(catalog, yankedOnly), new VersionSet(catalog, withWheel));
    }

    /// <summary>pip's link evaluation: format allowed, wheel tags supported, Requires-Python admits the interpreter.</summary>
    public static bool IsUsable(ReleaseFile file, TargetEnvironment target, bool wheelsAllowed, bool sdistsAllowed)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(target);
        return IsUsableFormat(file, target, wheelsAllowed, sdistsAllowed) && target.SupportsPython(file.RequiresPython);
    }

    private static bool IsUsableFormat(ReleaseFile file, TargetEnvironment target, bool wheelsAllowed, bool sdistsAllowed) =>
        file.Wheel is { } wheel ? wheelsAllowed && IsCompatible(wheel, target) : sdistsAllowed;

    /// <summary>
    /// The wheel's tags against the target's. A pure wheel (<c>-none-any</c>) stands for one tag per
    /// python tag, looked up directly, without expanding its tag sets into a list.
    /// </summary>
    private static bool IsCompatible(WheelFilename wheel, TargetEnvironment target)
    {
        if (!wheel.IsPure)
        {
            return target.Tags.IsCompatible(wheel);
        }
        var pythonTags = wheel.PythonTags;
        for (var i = 0; i < pythonTags.Count; i++)
        {
            if (target.Tags.IsCompatible(new WheelTag(pythonTags[i], "none", "any")))
            {
                return true;
            }
        }
        return false;
    }

    private static bool SupportsPython(SpecifierSet? requiresPython, TargetEnvironment target, Dictionary<SpecifierSet, bool> checks)
    {
        if (requiresPython is null)
        {
            return true;
        }
        if (!checks.TryGetValue(requiresPython, out var supported))
        {
            supported = target.SupportsPython(requiresPython);
            checks.Add(requiresPython, supported);
        }
        return supported;
    }

    private static bool IsPinned(ReleaseFile file, IReadOnlySet<Sha256Digest> pins) =>
        file.File.Sha256 is { } digest && pins.Contains(digest);
}
