using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>
/// One dependency a pyproject.toml asks for, from whichever table wrote it (PEP 621, Poetry,
/// PEP 735), normalized: name, extras, a marker that includes Poetry's <c>python</c> and
/// <c>platform</c> keys, the version constraint, and a direct source when it has one.
/// </summary>
public sealed class PyprojectDependency
{
    public required PackageName Name { get; init; }

    public IReadOnlyList<ExtraName> Extras { get; init; } = [];

    /// <summary>When the dependency applies; null for always.</summary>
    public Marker? Marker { get; init; }

    /// <summary>The version constraint: Poetry's syntax converted (PEP 508 specifiers become one alternative).</summary>
    public PoetryConstraint Constraint { get; init; } = PoetryConstraint.Any;

    /// <summary>Where it comes from when not from an index.</summary>
    public DirectSource? Source { get; init; }

    public bool Editable { get; init; }

    /// <summary><c>main</c> for the project's own dependencies, else the group that asked for it.</summary>
    public string Group { get; init; } = "main";

    /// <summary>The extra of the project that adds it, when only an extra does.</summary>
    public ExtraName? Extra { get; init; }

    /// <summary>The PEP 508 requirement as written (PEP 621 and PEP 735 entries), else null.</summary>
    public Requirement? Requirement { get; init; }

    public required TomlPosition Position { get; init; }

    /// <summary>The text of a Poetry version constraint, for error positions.</summary>
    internal TomlString? ConstraintValue { get; init; }

    /// <summary>
    /// The dependency as a <see cref="RootRequirement"/> to resolve. Throws
    /// <see cref="PyprojectException"/> when a Poetry union such as <c>&lt;1.5 || &gt;=2</c> has no
    /// single PEP 440 equivalent.
    /// </summary>
    public RootRequirement ToRootRequirement()
    {
        var origin = new SourceLocation(Position.SourceName ?? "pyproject.toml", Position.Line, Position.Column);
        var requirement = Requirement ?? BuildRequirement();
        return new RootRequirement(requirement, origin) { Source = Source, Editable = Editable };
    }

    private Requirement BuildRequirement()
    {
        if (!Constraint.TryGetSpecifierSet(out var specifier, out var reason))
        {
            throw new PyprojectException(
                $"the version constraint '{Constraint.Text}' of {Name} has no single PEP 440 equivalent ({reason}); write it as one range",
                ConstraintValue?.Position ?? Position);
        }
        var text = Name.ToString();
        if (Extras.Count > 0)
        {
            text += $"[{string.Join(',', Extras)}]";
        }
        if (Source is null)
        {
            text += specifier.ToString();
        }
        if (Marker is not null)
        {
            text += $" ; {Marker}";
        }
        return Requirement.Parse(text);
    }
}
