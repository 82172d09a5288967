using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver.Solving;

namespace Req2Nix.Resolver.Releases;

/// <summary>
/// Which files of a pinned index release a resolution lists for some systems: those usable on one
/// of them (format allowed, wheel tags, Requires-Python), allowed by the inputs' <c>--hash</c> pins
/// for the project, and, when any of those is not yanked, only those that are not. The assembler
/// and the pin notifications share it, so that what an observer is told is what the result lists.
/// </summary>
internal sealed class ListedFiles
{
    private readonly FormatControl _formats;
    private readonly IReadOnlyDictionary<NixSystem, TargetEnvironment> _environments;
    private readonly Dictionary<PackageName, IReadOnlySet<Sha256Digest>> _hashPins = [];

    public ListedFiles(Manifest manifest, FormatControl formats, IReadOnlyDictionary<NixSystem, TargetEnvironment> environments)
    {
        _formats = formats;
        _environments = environments;
        var byName = new Dictionary<PackageName, HashPinSet>();
        foreach (var requirement in manifest.Requirements.Concat(manifest.Constraints))
        {
            byName[requirement.Name] = byName.GetValueOrDefault(requirement.Name, HashPinSet.Any).And(HashPinSet.From(requirement.Hashes));
        }
        foreach (var (name, pins) in byName)
        {
            if (!pins.IsEmpty)
            {
                _hashPins[name] = pins.Sha256Digests();
            }
        }
    }

    public List<ReleaseFile> Of(IndexCandidate release, SystemSet systems)
    {
        var name = release.Project.Name;
        var wheels = _formats.AllowsWheels(name);
        var sdists = _formats.AllowsSdists(name);
        var pins = _hashPins.GetValueOrDefault(name);
        var files = release.Project.FilesOf(release.VersionIndex);
        var listed = new List<ReleaseFile>(files.Count);
        var anyUnyanked = false;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (IsUsableOnAny(file, systems, wheels, sdists) && (pins is null || (file.File.Sha256 is { } digest && pins.Contains(digest))))
            {
                listed.Add(file);
                anyUnyanked |= !file.IsYanked;
            }
        }
        if (anyUnyanked)
        {
            listed.RemoveAll(file => file.IsYanked);
        }
        return listed;
    }

    private bool IsUsableOnAny(ReleaseFile file, SystemSet systems, bool wheels, bool sdists)
    {
        // The environments, not the set, are enumerated: a dictionary's enumerator does not allocate.
        foreach (var (system, environment) in _environments)
        {
            if (systems.Contains(system) && SystemReleases.IsUsable(file, environment, wheels, sdists))
            {
                return true;
            }
        }
        return false;
    }
}
