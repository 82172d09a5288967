using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Distributions;

/// <summary>
/// A source distribution's file name: <c>{name}-{version}{extension}</c>, with the extensions pip
/// accepts. PEP 625 names (<c>zope_interface-6.0.tar.gz</c>) have no <c>-</c> in the name and
/// split on their own; legacy ones (<c>zope.interface-6.0.tar.gz</c>,
/// <c>backports-zoneinfo-0.2.1.tar.gz</c>) may, so, like pip, parsing takes the expected project
/// and splits after the prefix that normalizes to its name. The name's spelling is kept as
/// written: fetchPypi's URLs need it.
/// </summary>
public sealed class SdistFilename : DistributionFilename
{
    /// <summary>An array, not a list: every file of a listing is tested against it, and a list's enumerator is an object.</summary>
    private static readonly string[] KnownExtensions = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".zip"];

    /// <summary>The extensions read as sdists, longest match first.</summary>
    public static IReadOnlyList<string> Extensions => KnownExtensions;

    private SdistFilename(string filename, string nameText, PackageName name, string versionText, string extension)
        : base(filename, nameText, name, versionText, extension)
    {
    }

    public override DistributionKind Kind => DistributionKind.Sdist;

    /// <summary>
    /// Reads an sdist filename; throws <see cref="InvalidFilenameException"/> otherwise. Without
    /// <paramref name="project"/>, only a name with one <c>-</c> can be split.
    /// </summary>
    public static new SdistFilename Parse(string filename, PackageName? project = null) =>
        TryRead(filename, project, out var sdist, out var problem) ? sdist : throw problem.ToException();

    public static bool TryParse(string filename, PackageName? project, [NotNullWhen(true)] out SdistFilename? sdist) =>
        TryRead(filename, project, out sdist, out _);

    /// <param name="reason">On failure, what is wrong and at which column.</param>
    public static bool TryParse(
        string filename,
        PackageName? project,
        [NotNullWhen(true)] out SdistFilename? sdist,
        [NotNullWhen(false)] out string? reason)
    {
        var read = TryRead(filename, project, out sdist, out var problem);
        reason = problem?.Message;
        return read;
    }

    /// <summary>The sdist extension <paramref name="filename"/> ends with (ignoring case), as <see cref="Extensions"/> spells it; null for none.</summary>
    public static string? FindExtension(string filename)
    {
        foreach (var extension in KnownExtensions)
        {
            if (filename.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }
        return null;
    }

    internal static bool TryRead(
        string filename,
        PackageName? project,
        [NotNullWhen(true)] out SdistFilename? sdist,
        [NotNullWhen(false)] out FilenameProblem? problem)
    {
        sdist = null;
        var extension = FindExtension(filename);
        if (extension is null)
        {
            problem = new(filename, $"a source distribution's name ends with one of {string.Join(", ", Extensions)}", 1);
            return false;
        }
        var stemLength = filename.Length - extension.Length;
        var stem = filename.AsSpan(0, stemLength);
        var dash = project is { } expected ? FindDashAfter(filename, stem, expected, out problem) : FindOnlyDash(filename, stem, out problem);
        if (problem is not null)
        {
            return false;
        }

        var nameText = stem[..dash];
        var invalidAt = NameSyntax.FindInvalidCharacter(nameText);
        if (invalidAt >= 0)
        {
            problem = new(filename, NameSyntax.DescribeInvalidCharacter(nameText, invalidAt, "the project name"), invalidAt + 1);
            return false;
        }
        problem = FilenameProblem.CheckVersionText(filename, dash + 1, stemLength - dash - 1, allowDash: true);
        if (problem is not null)
        {
            return false;
        }

        var nameString = nameText.ToString();
        var extensionAsWritten = filename.EndsWith(extension, StringComparison.Ordinal) ? extension : filename[stemLength..];
        sdist = new SdistFilename(
            filename,
            nameString,
            project ?? PackageName.Parse(nameString),
            filename[(dash + 1)..stemLength],
            extensionAsWritten);
        return true;
    }

    /// <summary>pip's rule: the first <c>-</c> whose prefix normalizes to the project's name.</summary>
    private static int FindDashAfter(string filename, ReadOnlySpan<char> stem, PackageName project, out FilenameProblem? problem)
    {
        problem = null;
        for (var dash = stem.IndexOf('-'); dash >= 0; dash = IndexOf(stem, '-', dash + 1))
        {
            if (project.IsSpelledBy(stem[..dash]))
            {
                return dash;
            }
        }
        problem = new(filename, $"the name does not start with a spelling of the project name '{project}' followed by '-'", 1);
        return -1;
    }

    private static int FindOnlyDash(string filename, ReadOnlySpan<char> stem, out FilenameProblem? problem)
    {
        problem = null;
        var dash = stem.IndexOf('-');
        if (dash < 0)
        {
            problem = new(filename, "no '-' separates the name from the version", 1);
            return -1;
        }
        var second = IndexOf(stem, '-', dash + 1);
        if (second >= 0)
        {
            problem = new(
                filename,
                "the name or the version holds a '-', so where one ends is ambiguous; parse it with the expected project name",
                second + 1);
            return -1;
        }
        return dash;
    }

    private static int IndexOf(ReadOnlySpan<char> text, char c, int start)
    {
        var found = text[start..].IndexOf(c);
        return found < 0 ? -1 : start + found;
    }
}
