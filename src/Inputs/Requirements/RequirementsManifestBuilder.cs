using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Text;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Turns a read requirements file into the resolver's <see cref="Manifest"/>, applying pip's
/// semantics: <c>-c</c> entries become constraints (named, not editable, as pip demands), option
/// lines and every line's format-control values build the index settings in order, <c>--hash</c>
/// values become pins, URLs and paths become direct sources.
/// </summary>
internal sealed class RequirementsManifestBuilder
{
    private static readonly AsciiSet LowerHexDigits = new("0123456789abcdef");

    private readonly RequirementsFile _file;
    private readonly ProjectNameFinder _names;
    private readonly string _baseDirectory;

    public RequirementsManifestBuilder(RequirementsFile file)
    {
        _file = file;
        _names = new ProjectNameFinder(file.Options.FileSystem);
        _baseDirectory = PosixPath.Directory(file.Path);
    }

    public Manifest Build()
    {
        var requirements = new List<RootRequirement>();
        var constraints = new List<RootRequirement>();
        var index = new IndexSettingsAccumulator(_file.Options);
        var formats = new FormatControlSets();
        foreach (var entry in _file.Entries)
        {
            foreach (var change in entry.FormatControlChanges)
            {
                formats.Apply(change);
            }
            switch (entry)
            {
                case OptionEntry options:
                    index.Apply(options);
                    break;
                case RequirementEntry requirement:
                    (requirement.Constraint ? constraints : requirements).Add(ToRoot(requirement));
                    break;
            }
        }
        return new Manifest(requirements)
        {
            Constraints = constraints,
            Index = index.Build(formats.ToFormatControl()),
        };
    }

    private RootRequirement ToRoot(RequirementEntry entry)
    {
        if (entry.Problem is { } problem)
        {
            throw problem.ToException();
        }
        if (entry.Constraint && entry.Editable)
        {
            throw new RequirementsFileException(entry.Location, "editable requirements are not allowed as constraints");
        }
        if (entry.Constraint && entry.Requirement is null)
        {
            throw new RequirementsFileException(entry.Location, "unnamed requirements are not allowed as constraints");
        }
        var name = entry.Requirement?.Name ?? _names.Find(entry);
        return new RootRequirement(Compose(entry, name), entry.Location)
        {
            Source = DirectSourceReader.Read(entry, _baseDirectory),
            Editable = entry.Editable,
            Hashes = Pins(entry),
        };
    }

    /// <summary>The PEP 508 requirement without its URL (the source carries it, without credentials) and with pip's marker and extras.</summary>
    private static Requirement Compose(RequirementEntry entry, string name)
    {
        if (entry.Requirement is { Url: null, Marker: null } parsed && entry.Marker is null)
        {
            return parsed;
        }
        var text = new System.Text.StringBuilder(name);
        if (entry.Extras.Count > 0)
        {
            text.Append('[').AppendJoin(',', entry.Extras).Append(']');
        }
        text.Append(entry.Specifier.ToString());
        if (entry.Marker is { } marker)
        {
            text.Append(" ; ").Append(marker.ToString());
        }
        if (!Requirement.TryParse(text.ToString(), out var requirement, out var error))
        {
            throw new RequirementsFileException(entry.Location, $"cannot use '{entry.Text.Trim()}' as a requirement: {error.Message}");
        }
        return requirement;
    }

    /// <summary>The <c>--hash</c> pins; pip compares lower-case hex digests, so anything else could never match.</summary>
    private static IReadOnlyList<HashPin> Pins(RequirementEntry entry)
    {
        for (var i = 0; i < entry.Hashes.Count; i++)
        {
            var (algorithm, digest) = entry.Hashes[i];
            var length = algorithm switch
            {
                "sha256" => 64,
                "sha384" => 96,
                _ => 128,
            };
            if (digest.Length != length || LowerHexDigits.ContainsAnyExcept(digest))
            {
                var where = entry.HashLocations?[i] ?? entry.Location;
                throw new RequirementsFileException(where, $"the {algorithm} digest '{digest}' is not {length} lower-case hex digits, so no file could match it");
            }
        }
        return entry.Hashes;
    }
}
