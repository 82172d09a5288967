using Req2Nix.Packaging.Hashing;
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
        var available = new List<int>();
        var yankedOnly = new List<int>();
        var withWheel = new List<int>();
        var wheels = formats.AllowsWheels(project.Name);
        var sdists = formats.AllowsSdists(project.Name);
        for (var index = 0; index < catalog.Count; index++)
        {
            var usable = false;
            var unyanked = false;
            var wheel = false;
            foreach (var file in project.FilesOf(index))
            {
                if (!IsUsable(file, target, wheels, sdists) || (pins is not null && !IsPinned(file, pins)))
                {
                    continue;
                }
                usable = true;
                unyanked |= !file.IsYanked;
                wheel |= file.IsWheel && !file.IsYanked;
            }
            if (usable)
            {
                available.Add(index);
                if (!unyanked)
                {
                    yankedOnly.Add(index);
                }
                if (wheel)
                {
                    withWheel.Add(index);
                }
            }
        }
        return new SystemReleases(project, catalog.Of(available), catalog.Of(yankedOnly), catalog.Of(withWheel));
    }

    /// <summary>pip's link evaluation: format allowed, wheel tags supported, Requires-Python admits the interpreter.</summary>
    public static bool IsUsable(ReleaseFile file, TargetEnvironment target, bool wheelsAllowed, bool sdistsAllowed)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(target);
        var formatOk = file.Wheel is { } wheel ? wheelsAllowed && target.Tags.IsCompatible(wheel) : sdistsAllowed;
        return formatOk && target.SupportsPython(file.RequiresPython);
    }

    private static bool IsPinned(ReleaseFile file, IReadOnlySet<Sha256Digest> pins) =>
        file.File.Sha256 is { } digest && pins.Contains(digest);
}
