using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Releases;

/// <summary>One distribution file of a release, with its filename and Requires-Python read.</summary>
public sealed class ReleaseFile
{
    /// <param name="requiresPython">The file's Requires-Python read (<see cref="RequiresPythonTexts"/>).</param>
    internal ReleaseFile(DistributionFile file, DistributionFilename filename, Pep440Version version, int listingOrder, SpecifierSet? requiresPython)
    {
        File = file;
        Filename = filename;
        Version = version;
        ListingOrder = listingOrder;
        RequiresPython = requiresPython;
    }

    public DistributionFile File { get; }

    public DistributionFilename Filename { get; }

    public Pep440Version Version { get; }

    /// <summary>The file's position in the index's listing; ties are broken by it, as pip's stable sort does.</summary>
    public int ListingOrder { get; }

    public WheelFilename? Wheel => Filename as WheelFilename;

    public bool IsWheel => Filename.Kind == DistributionKind.Wheel;

    public bool IsYanked => File.Yanked;

    /// <summary>The index's Requires-Python for the file; null when it states none or one that does not parse.</summary>
    public SpecifierSet? RequiresPython { get; }

    public override string ToString() => File.Filename;
}
