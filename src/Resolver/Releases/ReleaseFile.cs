using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Releases;

/// <summary>One distribution file of a release, with its filename and Requires-Python read.</summary>
public sealed class ReleaseFile
{
    internal ReleaseFile(DistributionFile file, DistributionFilename filename, Pep440Version version, int listingOrder)
    {
        File = file;
        Filename = filename;
        Version = version;
        ListingOrder = listingOrder;
        // pip ignores a Requires-Python it cannot parse (the file stays a candidate).
        RequiresPython = file.RequiresPython is { Length: > 0 } text && SpecifierSet.TryParse(text, out var specifier, out _)
            ? specifier
            : null;
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
