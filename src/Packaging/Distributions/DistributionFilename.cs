using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Distributions;

/// <summary>
/// The name of a distribution file: a <see cref="WheelFilename"/> or an <see cref="SdistFilename"/>.
/// The version is kept as the text the filename holds.
/// </summary>
public abstract class DistributionFilename
{
    private protected DistributionFilename(string filename, string nameText, PackageName name, string versionText, string extension)
    {
        Filename = filename;
        NameText = nameText;
        Name = name;
        VersionText = versionText;
        Extension = extension;
    }

    public abstract DistributionKind Kind { get; }

    /// <summary>The whole file name.</summary>
    public string Filename { get; }

    /// <summary>The project name exactly as the filename spells it (<c>Twisted</c>, <c>zope.interface</c>).</summary>
    public string NameText { get; }

    /// <summary>The project name, normalized.</summary>
    public PackageName Name { get; }

    /// <summary>The version as the filename writes it (not normalized).</summary>
    public string VersionText { get; }

    /// <summary>The extension as the filename writes it, with its dot: <c>.whl</c>, <c>.tar.gz</c>, <c>.zip</c>.</summary>
    public string Extension { get; }

    /// <summary>
    /// Reads a wheel or sdist filename; throws <see cref="InvalidFilenameException"/> otherwise.
    /// With <paramref name="project"/>, the file must belong to that project, and a legacy sdist
    /// name such as <c>zope-interface-1.0.tar.gz</c> is split where the project's name ends.
    /// </summary>
    public static DistributionFilename Parse(string filename, PackageName? project = null) =>
        TryRead(filename, project, out var distribution, out var problem) ? distribution : throw problem.ToException();

    public static bool TryParse(string filename, PackageName? project, [NotNullWhen(true)] out DistributionFilename? distribution) =>
        TryParse(filename, project, out distribution, out _);

    /// <param name="reason">On failure, what is wrong and at which column.</param>
    public static bool TryParse(
        string filename,
        PackageName? project,
        [NotNullWhen(true)] out DistributionFilename? distribution,
        [NotNullWhen(false)] out string? reason)
    {
        var read = TryRead(filename, project, out distribution, out var problem);
        reason = problem?.Message;
        return read;
    }

    public override string ToString() => Filename;

    private static bool TryRead(
        string filename,
        PackageName? project,
        [NotNullWhen(true)] out DistributionFilename? distribution,
        [NotNullWhen(false)] out FilenameProblem? problem)
    {
        if (filename.EndsWith(WheelFilename.WheelExtension, StringComparison.Ordinal))
        {
            distribution = null;
            if (!WheelFilename.TryRead(filename, out var wheel, out problem))
            {
                return false;
            }
            if (project is { } expected && wheel.Name != expected)
            {
                problem = new(filename, $"the wheel is for project '{wheel.Name}', not '{expected}'", 1);
                return false;
            }
            distribution = wheel;
            return true;
        }
        if (SdistFilename.FindExtension(filename) is not null)
        {
            var read = SdistFilename.TryRead(filename, project, out var sdist, out problem);
            distribution = sdist;
            return read;
        }
        distribution = null;
        problem = new(filename, "neither a wheel (.whl) nor a source distribution (.tar.gz, .zip, .tar.bz2, .tar.xz, .tgz, .tar)", 1);
        return false;
    }
}
