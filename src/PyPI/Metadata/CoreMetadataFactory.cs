using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Metadata;

/// <summary>
/// Builds the resolver's <see cref="CoreMetadata"/> from the texts any source gives (a metadata
/// file, the JSON API): Requires-Dist lines that are not PEP 508 go to
/// <see cref="CoreMetadata.InvalidRequiresDist"/>, extras that are no valid names are dropped,
/// duplicates are kept once.
/// </summary>
internal static class CoreMetadataFactory
{
    public static CoreMetadata Create(
        string name,
        Pep440Version version,
        IEnumerable<string> requiresDist,
        string? requiresPython,
        IEnumerable<string> providesExtra)
    {
        var requirements = new List<Requirement>();
        var invalid = new List<string>();
        foreach (var text in requiresDist)
        {
            if (Requirement.TryParse(text, out var requirement, out _))
            {
                requirements.Add(requirement);
            }
            else
            {
                invalid.Add(text);
            }
        }
        var extras = new List<ExtraName>();
        foreach (var text in providesExtra)
        {
            if (ExtraName.TryParse(text, out var extra) && !extras.Contains(extra))
            {
                extras.Add(extra);
            }
        }
        return new CoreMetadata(name, version)
        {
            RequiresDist = requirements,
            InvalidRequiresDist = invalid,
            RequiresPython = string.IsNullOrWhiteSpace(requiresPython) ? null : requiresPython.Trim(),
            ProvidesExtra = extras,
        };
    }
}
