using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// A line of global options: what it sets, by pip's option names. Values are after <c>${VAR}</c>
/// expansion and otherwise as written (URLs keep their credentials: the index client needs them).
/// </summary>
public sealed class OptionEntry : RequirementsEntry
{
    internal OptionEntry(string filePath, SourceLocation location, bool constraint)
        : base(filePath, location, constraint)
    {
    }

    /// <summary><c>-i</c>/<c>--index-url</c> (the last one on the line), or null.</summary>
    public string? IndexUrl { get; init; }

    public IReadOnlyList<string> ExtraIndexUrls { get; init; } = [];

    /// <summary><c>-f</c>/<c>--find-links</c>; pip uses only the first of a line.</summary>
    public IReadOnlyList<string> FindLinks { get; init; } = [];

    public IReadOnlyList<string> TrustedHosts { get; init; } = [];

    /// <summary><c>--use-feature</c> names.</summary>
    public IReadOnlyList<string> FeaturesEnabled { get; init; } = [];

    public bool NoIndex { get; init; }

    public bool Pre { get; init; }

    public bool PreferBinary { get; init; }

    public bool RequireHashes { get; init; }

    /// <summary>The no-binary and only-binary sets as this line alone leaves them (what pip's parser reports for the line).</summary>
    public FormatControlSets LineFormatControl()
    {
        var sets = new FormatControlSets();
        foreach (var change in FormatControlChanges)
        {
            sets.Apply(change);
        }
        return sets;
    }
}
