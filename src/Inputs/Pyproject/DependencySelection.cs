using Req2Nix.Packaging.Names;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>
/// Which of a project's dependencies to take: its main dependencies always, plus dependency
/// groups (Poetry groups, PEP 735 <c>[dependency-groups]</c>, uv's dev groups) and extras.
/// </summary>
public sealed record DependencySelection
{
    /// <summary>The tool's default groups and no extras.</summary>
    public static DependencySelection Default { get; } = new();

    /// <summary>Only the main dependencies: no group, no extra.</summary>
    public static DependencySelection MainOnly { get; } = new() { Groups = [] };

    /// <summary>
    /// The groups to add to the main dependencies, by name (compared normalized); null for what
    /// the tool installs by default: every non-optional Poetry group (all groups of a lock read
    /// without its pyproject.toml), uv's <c>dev</c> group, a pylock.toml's <c>default-groups</c>.
    /// </summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The project's extras to install.</summary>
    public IReadOnlyList<ExtraName> Extras { get; init; } = [];

    /// <summary>Install every extra the project declares.</summary>
    public bool AllExtras { get; init; }

    /// <summary>Whether the named group is selected; <paramref name="selectedByDefault"/> answers when <see cref="Groups"/> is null.</summary>
    public bool IncludesGroup(string group, bool selectedByDefault)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (IsMain(group))
        {
            return true;
        }
        if (Groups is null)
        {
            return selectedByDefault;
        }
        var normalized = PackageName.Normalize(group);
        foreach (var name in Groups)
        {
            if (PackageName.Normalize(name) == normalized)
            {
                return true;
            }
        }
        return false;
    }

    public bool IncludesExtra(ExtraName extra) => AllExtras || Extras.Contains(extra);

    /// <summary>Poetry's name for the main dependencies.</summary>
    public static bool IsMain(string group) => PackageName.Normalize(group) == "main";
}
