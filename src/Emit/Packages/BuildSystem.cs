using Req2Nix.Emit.Nix;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Packages;

/// <summary>
/// A build's <c>build-system</c>: the sdist's own <c>[build-system].requires</c>, each taken from
/// nixpkgs' package set as it was before the overlay (<c>prev.setuptools</c>), so that pinning
/// setuptools for the application neither rebuilds every package nor breaks their builds with a
/// build tool nixpkgs did not test them with. Version constraints and extras are dropped (nixpkgs
/// has one version of each tool); markers are evaluated for each system. Special cases:
/// <c>wheel</c> is left out (nixpkgs' setuptools writes wheels itself, and nixpkgs packages never
/// list it); <c>poetry</c> is <c>poetry-core</c> (nixpkgs has the build backend only, as the
/// Python package <c>poetry-core</c>); <c>maturin</c> is left out with a comment (nixpkgs builds
/// maturin projects with <c>rustPlatform.maturinBuildHook</c> and the crate's vendored
/// <c>cargoDeps</c>, which need a hash req2nix cannot know without building); a requirement on the
/// package itself is left out. Unknown requirements (not read) are setuptools, with a comment
/// saying so.
/// </summary>
internal static class BuildSystem
{
    private static readonly Dictionary<string, Special> Specials = new(StringComparer.Ordinal)
    {
        ["wheel"] = new(null, null),
        ["poetry"] = new("poetry-core", null),
        ["maturin"] = new(null, "req2nix: maturin is left out: a Rust build needs rustPlatform.maturinBuildHook and cargoDeps; add them by hand, or use --wheels all"),
    };

    public static NixExpression For(ResolvedPackage package, SystemSet systems, PythonTarget python, List<string> comments)
    {
        var list = new ConditionalList(systems);
        if (package.BuildRequires is not { } requirements)
        {
            comments.Add("req2nix: the sdist's build requirements were not read; assuming setuptools");
            list.AddElement(Reference("setuptools"), systems);
            return list.Build();
        }
        foreach (var requirement in requirements)
        {
            var name = requirement.NormalizedName.Value;
            if (Specials.TryGetValue(name, out var special))
            {
                if (special.Comment is not null && !comments.Contains(special.Comment))
                {
                    comments.Add(special.Comment);
                }
                if (special.Replacement is null)
                {
                    continue;
                }
                name = special.Replacement;
            }
            if (requirement.NormalizedName == package.Name)
            {
                continue;
            }
            list.AddElement(Reference(name), SystemsWhere(requirement, systems, python));
        }
        return list.Build();
    }

    private static string Reference(string name) => "prev." + NixIdentifier.AttrName(PackageName.Normalize(name));

    private static SystemSet SystemsWhere(Requirement requirement, SystemSet systems, PythonTarget python)
    {
        if (requirement.Marker is not { } marker)
        {
            return systems;
        }
        var holds = SystemSet.None;
        foreach (var system in systems)
        {
            bool applies;
            try
            {
                applies = marker.Evaluate(MarkerEnvironment.For(system, python), extra: null);
            }
            catch (MarkerEvaluationException)
            {
                // A marker packaging cannot evaluate (a version comparison on a non-version) is false, as pip treats it.
                applies = false;
            }
            if (applies)
            {
                holds = holds.Union(SystemSet.Of(system));
            }
        }
        return holds;
    }

    private sealed record Special(string? Replacement, string? Comment);
}
