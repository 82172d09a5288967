using Req2Nix.Inputs.Toml;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>
/// A pyproject.toml as read by <see cref="PyprojectReader"/>: the tables req2nix uses, values as
/// written. <see cref="Dependencies"/> gathers what a selection of groups and extras asks for;
/// <see cref="ToManifest"/> makes that the input of a resolution.
/// </summary>
public sealed class PyprojectToml
{
    /// <summary>How positions name the file.</summary>
    public required string SourceName { get; init; }

    public ProjectTable? Project { get; init; }

    public PoetryTable? Poetry { get; init; }

    /// <summary>PEP 735 <c>[dependency-groups]</c> in file order.</summary>
    public IReadOnlyList<DependencyGroup> DependencyGroups { get; init; } = [];

    /// <summary><c>[tool.uv] default-groups</c> when set (<c>*</c> for <c>"all"</c>).</summary>
    public IReadOnlyList<string>? UvDefaultGroups { get; init; }

    public BuildSystem? BuildSystem { get; init; }

    /// <summary>
    /// The dependencies the selection asks for, in file order: the main ones (PEP 621
    /// <c>dependencies</c> enriched with Poetry's sources, or else <c>[tool.poetry.dependencies]</c>),
    /// the selected extras' ones, then the selected groups' (includes expanded). Throws
    /// <see cref="PyprojectException"/> for a name, extra, marker or constraint that does not parse,
    /// an unknown or cyclic group include.
    /// </summary>
    public IReadOnlyList<PyprojectDependency> Dependencies(DependencySelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        try
        {
            return new PyprojectDependencyCollector(this, selection).Collect();
        }
        catch (TomlException error)
        {
            throw PyprojectException.From(error);
        }
    }

    /// <summary>The selected dependencies as root requirements, with the index settings of <c>[[tool.poetry.source]]</c>.</summary>
    public Manifest ToManifest(DependencySelection selection)
    {
        var roots = new List<RootRequirement>();
        foreach (var dependency in Dependencies(selection))
        {
            roots.Add(dependency.ToRootRequirement());
        }
        return new Manifest(roots) { Index = PoetryIndexSettings.From(Poetry?.Sources ?? []) };
    }
}
