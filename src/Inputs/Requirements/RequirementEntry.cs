using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// A requirement line (<c>-e</c> ones included) with what pip 23.2.1 makes of it. When pip could not
/// build a requirement from it, <see cref="Problem"/> says why and the fields it would have set are empty.
/// <see cref="Text"/> and <see cref="Url"/> are as written, credentials included: show them through
/// <see cref="UrlCredentials.Redact"/>.
/// </summary>
public sealed class RequirementEntry : RequirementsEntry
{
    internal RequirementEntry(string filePath, SourceLocation location, bool constraint, string text, bool editable)
        : base(filePath, location, constraint)
    {
        Text = text;
        Editable = editable;
    }

    /// <summary>The requirement part of the line as pip hands it on (options and comment removed; may end in spaces).</summary>
    public string Text { get; }

    public bool Editable { get; }

    /// <summary>The requirement pip parsed, from the text, an <c>#egg=</c> fragment or a wheel's file name; null when unnamed.</summary>
    public Requirement? Requirement { get; init; }

    /// <summary>The project name as written or derived by pip; null for an unnamed URL or path.</summary>
    public string? Name => Requirement?.Name;

    public SpecifierSet Specifier => Requirement?.Specifier ?? SpecifierSet.Empty;

    /// <summary>pip's extras for the line: lower-cased, distinct, sorted.</summary>
    public IReadOnlyList<string> Extras { get; init; } = [];

    public Marker? Marker { get; init; }

    /// <summary>The URL the distribution comes from, as written (fragment included), or null.</summary>
    public string? Url { get; init; }

    /// <summary>A local directory or file, relative to the working directory (<c>.</c> for it), or null.</summary>
    public string? LocalPath { get; init; }

    /// <summary>The absolute, normalized path behind <see cref="LocalPath"/>.</summary>
    public string? AbsoluteLocalPath { get; init; }

    /// <summary><c>--hash</c> values in order (pip checks the algorithm, not the digest, when it reads the file).</summary>
    public IReadOnlyList<HashPin> Hashes { get; init; } = [];

    /// <summary><c>--config-settings KEY=VALUE</c>: a key given several times has several values, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ConfigSettings { get; init; } = EmptySettings;

    /// <summary><c>--global-option</c> values.</summary>
    public IReadOnlyList<string> GlobalOptions { get; init; } = [];

    public RequirementProblem? Problem { get; init; }

    /// <summary>Where each of <see cref="Hashes"/> was written.</summary>
    internal HashLocator? HashLocations { get; init; }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> EmptySettings { get; } = new Dictionary<string, IReadOnlyList<string>>();

    public override string ToString() => $"{Location}: {(Editable ? "-e " : string.Empty)}{UrlCredentials.Redact(Text)}";
}
