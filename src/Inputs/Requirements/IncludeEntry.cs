using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>A <c>-r</c>/<c>--requirement</c> or <c>-c</c>/<c>--constraint</c> line; the included file's entries follow it.</summary>
public sealed class IncludeEntry : RequirementsEntry
{
    internal IncludeEntry(string filePath, SourceLocation location, bool constraint, IncludeKind kind, string targetAsWritten, string targetPath)
        : base(filePath, location, constraint)
    {
        Kind = kind;
        TargetAsWritten = targetAsWritten;
        TargetPath = targetPath;
    }

    public IncludeKind Kind { get; }

    public string TargetAsWritten { get; }

    /// <summary>The absolute, normalized path of the included file (relative targets are relative to the including file's directory).</summary>
    public string TargetPath { get; }
}

public enum IncludeKind
{
    /// <summary><c>-r</c>: the file's requirements are requirements.</summary>
    Requirements,

    /// <summary><c>-c</c>: the file's requirements only constrain versions.</summary>
    Constraints,
}
