using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// One logical line of a requirements file tree as pip reads it, in pip's order: an include
/// (<see cref="IncludeEntry"/>, followed by the included file's entries), a line of global options
/// (<see cref="OptionEntry"/>) or a requirement (<see cref="RequirementEntry"/>, editable or not).
/// </summary>
public abstract class RequirementsEntry
{
    private protected RequirementsEntry(string filePath, SourceLocation location, bool constraint)
    {
        FilePath = filePath;
        Location = location;
        Constraint = constraint;
    }

    /// <summary>The absolute path of the file the line is in.</summary>
    public string FilePath { get; }

    /// <summary>The file as shown to users, the line's first physical line, and the column of what the entry is about.</summary>
    public SourceLocation Location { get; }

    /// <summary>Reached through <c>-c</c>: pip's constraint flag (an <c>-r</c> inside a constraints file clears it again, as in pip).</summary>
    public bool Constraint { get; }

    /// <summary>
    /// <c>--no-binary</c>/<c>--only-binary</c> values on this line. pip applies them to the whole
    /// run whatever else the line holds, so they count on requirement and include lines too.
    /// </summary>
    public IReadOnlyList<FormatControlChange> FormatControlChanges { get; init; } = [];
}
