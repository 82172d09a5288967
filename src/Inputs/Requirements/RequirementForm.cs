using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// What pip 23.2.1 builds from a requirement line's text (<c>req/constructors.py</c>): the PEP 508
/// requirement it parses (from the text, an <c>#egg=</c> fragment or a wheel's file name), the
/// extras and marker it keeps, and the URL or local path the distribution comes from.
/// </summary>
internal sealed class RequirementForm
{
    public Requirement? Requirement { get; init; }

    /// <summary>pip's extras: the ones after a path or the requirement's, lower-cased, distinct, sorted.</summary>
    public required IReadOnlyList<string> Extras { get; init; }

    public Marker? Marker { get; init; }

    /// <summary>A URL as written (a bare URL, <c>name @ url</c>, or an editable VCS URL).</summary>
    public string? Url { get; init; }

    /// <summary>The absolute, normalized path of a local directory or file.</summary>
    public string? LocalPath { get; init; }
}
