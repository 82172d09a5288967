using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Pyproject;

/// <summary>Gathers a <see cref="PyprojectToml"/>'s dependencies for a selection (see <see cref="PyprojectToml.Dependencies"/>).</summary>
internal sealed class PyprojectDependencyCollector(PyprojectToml project, DependencySelection selection)
{
    private readonly List<PyprojectDependency> _dependencies = [];

    public List<PyprojectDependency> Collect()
    {
        var pep621 = project.Project is { } table && (table.Dependencies is not null || table.OptionalDependencies.Count > 0);
        if (pep621)
        {
            AddProjectDependencies(project.Project!);
        }
        else if (project.Poetry is { } poetry)
        {
            AddPoetryDependencies(poetry);
        }
        var selected = SelectedGroups();
        foreach (var group in AllGroups())
        {
            // Every group is expanded, so a bad include is found whatever the selection.
            var dependencies = new List<PyprojectDependency>();
            AddGroup(group, group, [], dependencies, includedAt: null);
            if (selected.Any(name => SameName(name, group)))
            {
                _dependencies.AddRange(dependencies);
            }
        }
        return _dependencies;
    }

    private void AddProjectDependencies(ProjectTable table)
    {
        foreach (var requirement in table.Dependencies ?? [])
        {
            _dependencies.Add(FromRequirement(requirement, "main", extra: null));
        }
        foreach (var extra in table.OptionalDependencies)
        {
            var name = ExtraNameOf(extra.Name, extra.Position);
            if (!selection.IncludesExtra(name))
            {
                continue;
            }
            foreach (var requirement in extra.Requirements)
            {
                _dependencies.Add(FromRequirement(requirement, "main", name));
            }
        }
    }

    private void AddPoetryDependencies(PoetryTable poetry)
    {
        foreach (var entry in poetry.Dependencies)
        {
            foreach (var constraint in entry.Constraints)
            {
                if (constraint.Optional != true)
                {
                    _dependencies.Add(FromPoetry(constraint, "main", extra: null));
                }
                else if (SelectedExtraListing(poetry, entry.Name) is { } extra)
                {
                    _dependencies.Add(FromPoetry(constraint, "main", extra));
                }
            }
        }
    }

    /// <summary>The first selected extra of <c>[tool.poetry.extras]</c> that lists the optional dependency, or null.</summary>
    private ExtraName? SelectedExtraListing(PoetryTable poetry, string dependency)
    {
        var name = PackageName.Normalize(dependency);
        foreach (var extra in poetry.Extras)
        {
            var extraName = ExtraNameOf(extra.Name, extra.Position);
            if (selection.IncludesExtra(extraName) && extra.Requirements.Any(listed => PackageName.Normalize(listed) == name))
            {
                return extraName;
            }
        }
        return null;
    }

    /// <summary>The groups, PEP 735 and Poetry groups merged by normalized name, in file order.</summary>
    private List<string> AllGroups()
    {
        var names = new List<string>();
        foreach (var group in project.DependencyGroups)
        {
            AddDistinct(names, group.Name);
        }
        foreach (var group in project.Poetry?.Groups ?? [])
        {
            AddDistinct(names, group.Name);
        }
        return names;
    }

    /// <summary>The groups to add; an error for a group asked for by name that the project lacks.</summary>
    private List<string> SelectedGroups()
    {
        var names = AllGroups();
        foreach (var asked in selection.Groups ?? [])
        {
            if (!DependencySelection.IsMain(asked) && !names.Any(name => SameName(name, asked)))
            {
                throw new TomlException(
                    $"no dependency group is named '{asked}'; the groups are: {(names.Count == 0 ? "none" : string.Join(", ", names))}",
                    new TomlPosition(1, 1, project.SourceName));
            }
        }
        return names.FindAll(name => selection.IncludesGroup(name, IsDefaultGroup(name)));
    }

    private bool IsDefaultGroup(string name)
    {
        if (project.Poetry is { } poetry)
        {
            return !poetry.Groups.Any(g => SameName(g.Name, name) && g.Optional);
        }
        if (project.UvDefaultGroups is { } defaults)
        {
            return defaults.Any(d => d == "*" || SameName(d, name));
        }
        return SameName(name, "dev");
    }

    private void AddGroup(string selected, string name, List<string> including, List<PyprojectDependency> into, TomlPosition? includedAt)
    {
        if (including.Any(g => SameName(g, name)))
        {
            throw new TomlException(
                $"dependency group '{name}' includes itself ({string.Join(" → ", including)} → {name})",
                includedAt ?? GroupPosition(name));
        }
        including.Add(name);
        foreach (var group in project.DependencyGroups.Where(g => SameName(g.Name, name)))
        {
            foreach (var item in group.Items)
            {
                if (item.Requirement is { } requirement)
                {
                    into.Add(FromRequirement(requirement, selected, extra: null));
                }
                else
                {
                    RequireGroup(item.IncludeGroup!, item.Position);
                    AddGroup(selected, item.IncludeGroup!, including, into, item.Position);
                }
            }
        }
        foreach (var group in project.Poetry?.Groups.Where(g => SameName(g.Name, name)) ?? [])
        {
            foreach (var entry in group.Dependencies)
            {
                foreach (var constraint in entry.Constraints)
                {
                    into.Add(FromPoetry(constraint, selected, extra: null));
                }
            }
            foreach (var include in group.IncludeGroups)
            {
                RequireGroup(include, group.Position);
                AddGroup(selected, include, including, into, group.Position);
            }
        }
        including.RemoveAt(including.Count - 1);
    }

    private void RequireGroup(string name, TomlPosition includedAt)
    {
        if (!project.DependencyGroups.Any(g => SameName(g.Name, name)) && !(project.Poetry?.Groups.Any(g => SameName(g.Name, name)) ?? false))
        {
            throw new TomlException($"the included dependency group '{name}' is not defined", includedAt);
        }
    }

    private TomlPosition GroupPosition(string name) =>
        project.DependencyGroups.FirstOrDefault(g => SameName(g.Name, name))?.Position
        ?? project.Poetry?.Groups.FirstOrDefault(g => SameName(g.Name, name))?.Position
        ?? new TomlPosition(1, 1, project.SourceName);

    private PyprojectDependency FromRequirement(ProjectRequirement written, string group, ExtraName? extra)
    {
        var requirement = written.Requirement;
        var source = requirement.Url is { } url ? DirectReference.FromUrl(url) : null;
        var editable = false;
        if (project.Poetry is { } poetry && PoetryDirectSource(poetry, requirement.NormalizedName) is { } enriched)
        {
            (source, editable) = enriched;
        }
        return new PyprojectDependency
        {
            Name = requirement.NormalizedName,
            Extras = requirement.Extras,
            Marker = requirement.Marker,
            Constraint = new PoetryConstraint(requirement.Specifier.ToString(), [requirement.Specifier]),
            Source = source,
            Editable = editable,
            Group = group,
            Extra = extra,
            Requirement = requirement,
            Position = written.Position,
        };
    }

    /// <summary>A Poetry entry that names a git, url or path source for a PEP 621 dependency (Poetry 2's "enriching").</summary>
    private static (DirectSource Source, bool Editable)? PoetryDirectSource(PoetryTable poetry, PackageName name)
    {
        foreach (var entry in poetry.Dependencies)
        {
            if (PackageName.Normalize(entry.Name) != name.Value)
            {
                continue;
            }
            foreach (var constraint in entry.Constraints)
            {
                if (SourceOf(constraint) is { } source)
                {
                    return (source, constraint.Develop == true);
                }
            }
        }
        return null;
    }

    private static PyprojectDependency FromPoetry(PoetryDependency dependency, string group, ExtraName? extra)
    {
        if (!PackageName.TryParse(dependency.Name, out var name))
        {
            throw new TomlException($"'{dependency.Name}' is not a valid project name", dependency.Position);
        }
        var extras = new List<ExtraName>();
        foreach (var written in dependency.Extras ?? [])
        {
            var extraName = ExtraNameOf(written, dependency.Position);
            if (!extras.Contains(extraName))
            {
                extras.Add(extraName);
            }
        }
        extras.Sort();
        return new PyprojectDependency
        {
            Name = name,
            Extras = extras,
            Marker = PoetryDependencyConditions.MarkerOf(dependency),
            Constraint = PoetryDependencyConditions.ConstraintOf(dependency),
            ConstraintValue = dependency.VersionValue,
            Source = SourceOf(dependency),
            Editable = dependency.Develop == true,
            Group = group,
            Extra = extra,
            Position = dependency.Position,
        };
    }

    /// <summary>The direct source a Poetry dependency table names: <c>git</c>, <c>url</c>, <c>path</c> or <c>file</c>.</summary>
    internal static DirectSource? SourceOf(PoetryDependency dependency)
    {
        if (dependency.Git is { } git)
        {
            return new VcsSource(VcsKind.Git, UrlCredentials.Strip(git))
            {
                Revision = dependency.Rev ?? dependency.Tag ?? dependency.Branch,
                Subdirectory = dependency.Subdirectory,
            };
        }
        if (dependency.Url is { } url)
        {
            return new ArchiveSource(UrlCredentials.Strip(url)) { Subdirectory = dependency.Subdirectory };
        }
        if ((dependency.Path ?? dependency.File) is { } path)
        {
            return new LocalPathSource(path) { Editable = dependency.Develop == true };
        }
        return null;
    }

    private static ExtraName ExtraNameOf(string written, TomlPosition position) =>
        ExtraName.TryParse(written, out var name) ? name : throw new TomlException($"'{written}' is not a valid extra name", position);

    private static bool SameName(string a, string b) => PackageName.Normalize(a) == PackageName.Normalize(b);

    private static void AddDistinct(List<string> names, string name)
    {
        if (!names.Any(n => SameName(n, name)))
        {
            names.Add(name);
        }
    }
}
