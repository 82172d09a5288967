using Req2Nix.Emit.Nix;
using Req2Nix.Emit.Sources;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Packages;

/// <summary>
/// Writes one attribute of the overlay: a <c>buildPythonPackage</c> per <see cref="BuildVariant"/>,
/// chosen by system with <c>if</c> when there are several; with <c>--reuse-nixpkgs</c>, each
/// becomes <c>if prev ? name then prev.name.overridePythonAttrs (…) else buildPythonPackage {…}</c>.
/// Dependencies point at the final set (<c>final.foo</c>), build tools at nixpkgs' (<c>prev.setuptools</c>).
/// </summary>
internal sealed class PackageExpression
{
    private readonly PackageAttributes _packages;
    private readonly DependencyCycles _cycles;
    private readonly EmitOptions _options;
    private readonly Dictionary<PackageName, List<ExtraName>> _requestedExtras;

    public PackageExpression(PackageAttributes packages, DependencyCycles cycles, EmitOptions options, IReadOnlyList<ResolvedDependency> roots)
    {
        _packages = packages;
        _cycles = cycles;
        _options = options;
        _requestedExtras = RequestedExtras(packages, roots);
    }

    private PythonTarget Python => _packages.Target.Python;

    /// <summary><c>final.foo</c>: a package of the overlay's result.</summary>
    public static string Final(PackageName name) => "final." + NixIdentifier.AttrName(name.Value);

    /// <summary><c>final.foo.optional-dependencies.bar</c>.</summary>
    public static string FinalExtra(PackageName name, ExtraName extra) =>
        $"{Final(name)}.optional-dependencies.{NixIdentifier.AttrName(extra.Value)}";

    public NixBinding Build(PackageName name)
    {
        var versions = _packages.VersionsOf(name);
        var variants = new List<BuildVariant>();
        var universe = SystemSet.None;
        foreach (var package in versions)
        {
            foreach (var variant in ArtifactChoice.Choose(package, _packages.SystemsOf(package), Python, _options.Wheels))
            {
                variants.Add(variant);
                universe = universe.Union(variant.Systems);
            }
        }
        // The variants are for disjoint systems, so no two share a first system: the order is total.
        variants.Sort((a, b) => ArtifactChoice.FirstOrdinal(a.Systems).CompareTo(ArtifactChoice.FirstOrdinal(b.Systems)));
        var comments = new List<string>();
        if (versions.Count > 1)
        {
            comments.Add("req2nix: the systems need different versions: "
                + string.Join("; ", versions.Select(p => $"{p.Version} on {_packages.SystemsOf(p)}")));
        }
        return new NixBinding(NixIdentifier.AttrName(name.Value), ChooseBySystem(variants, universe, Variant)) { Comments = comments };
    }

    /// <summary><c>if c1 then e1 else if c2 then e2 else en</c> over items for disjoint system sets, in order; the last takes the rest.</summary>
    private static NixExpression ChooseBySystem<T>(IReadOnlyList<T> items, SystemSet universe, Func<T, NixExpression> write)
        where T : notnull
    {
        var expression = write(items[^1]);
        var remaining = SystemsOf(items[^1]);
        for (var i = items.Count - 2; i >= 0; i--)
        {
            var systems = SystemsOf(items[i]);
            remaining = remaining.Union(systems);
            var condition = SystemCondition.For(systems, remaining.Intersect(universe)) ?? "true";
            expression = new NixIf(new NixRaw(condition), write(items[i]), expression);
        }
        return expression;

        static SystemSet SystemsOf(T item) => item switch
        {
            BuildVariant variant => variant.Systems,
            SystemFile file => file.Systems,
            _ => throw new ArgumentException("no systems", nameof(items)),
        };
    }

    private NixExpression Variant(BuildVariant variant)
    {
        var package = variant.Package;
        if (variant.Kind == ArtifactKind.Missing)
        {
            return SourceExpression.Throw(
                $"req2nix: no file of {package.Name} {package.Version} fits Python {Python} on {variant.Systems}");
        }
        var fresh = new NixApplication(new NixRaw("buildPythonPackage"), new NixAttrSet(Bindings(variant, forOverride: false)));
        if (!_options.ReuseNixpkgs)
        {
            return fresh;
        }
        var attribute = NixIdentifier.AttrName(package.Name.Value);
        var overridden = new NixApplication(
            new NixRaw($"prev.{attribute}.overridePythonAttrs"),
            new NixLambda("old", new NixAttrSet(Bindings(variant, forOverride: true))));
        return new NixIf(new NixRaw($"prev ? {attribute}"), overridden, fresh);
    }

    private List<NixBinding> Bindings(BuildVariant variant, bool forOverride)
    {
        var package = variant.Package;
        var systems = variant.Systems;
        var bindings = new List<NixBinding>();
        if (!forOverride)
        {
            bindings.Add(new NixBinding("pname", new NixStringLiteral(package.Name.Value)));
        }
        bindings.Add(new NixBinding("version", new NixStringLiteral(package.Version.ToString())));

        var isWheel = variant.Kind == ArtifactKind.Wheel;
        if (isWheel)
        {
            if (forOverride)
            {
                bindings.Add(new NixBinding("pyproject", new NixRaw("null")));
            }
            bindings.Add(new NixBinding("format", new NixStringLiteral("wheel")));
        }
        else
        {
            bindings.Add(new NixBinding("pyproject", new NixRaw("true")));
            if (forOverride)
            {
                bindings.Add(new NixBinding("format", new NixRaw("null")));
            }
        }

        string? sourceRoot = null;
        var source = variant.Kind == ArtifactKind.Direct
            ? SourceExpression.ForDirect(package.Source!, package.Name, out sourceRoot)
            : ChooseBySystem(variant.Sources, systems, file => SourceExpression.ForFile(file.File, package.Name));
        bindings.Add(new NixBinding("src", source));
        if (sourceRoot is not null)
        {
            bindings.Add(new NixBinding("sourceRoot", new NixStringLiteral(sourceRoot)));
        }

        if (!isWheel)
        {
            var buildComments = new List<string>();
            var buildSystem = BuildSystem.For(package, systems, Python, buildComments);
            bindings.Add(new NixBinding("build-system", buildSystem) { Comments = buildComments });
        }

        var patched = variant.PlatformWheelSystems.Intersect(SystemSet.Of(NixSystem.All.Where(s => s.IsLinux)));
        if (!patched.IsEmpty)
        {
            var hook = new ConditionalList(systems);
            hook.AddElement("pkgs.autoPatchelfHook", patched);
            var inputs = hook.Build();
            if (forOverride)
            {
                inputs = new NixConcatenation([new NixRaw("(old.nativeBuildInputs or [ ])"), .. Operands(inputs)]);
            }
            bindings.Add(new NixBinding("nativeBuildInputs", inputs));
        }

        var dependencyComments = new List<string>();
        bindings.Add(new NixBinding("dependencies", Dependencies(package, systems, dependencyComments)) { Comments = dependencyComments });

        var extras = OptionalDependencies(package, systems);
        if (extras.Bindings.Count > 0)
        {
            bindings.Add(new NixBinding("optional-dependencies", extras));
        }
        bindings.Add(new NixBinding("doCheck", new NixRaw("false")));
        var imports = ImportNames.For(package.TopLevelModules);
        if (imports.Count > 0)
        {
            bindings.Add(new NixBinding("pythonImportsCheck", new NixList([.. imports.Select(m => new NixStringLiteral(m))])));
        }
        return bindings;
    }

    private static IEnumerable<NixExpression> Operands(NixExpression expression) =>
        expression is NixConcatenation concatenation ? concatenation.Operands : [expression];

    private NixExpression Dependencies(ResolvedPackage package, SystemSet systems, List<string> comments)
    {
        var list = new ConditionalList(systems);
        // Those of one name (with different extras) keep their order.
        foreach (var dependency in StableOrder.Sorted(package.Dependencies, static (a, b) => a.Name.CompareTo(b.Name)))
        {
            var within = PackageAttributes.SystemsOf(dependency).Intersect(systems);
            if (within.IsEmpty)
            {
                continue;
            }
            if (_cycles.DroppedCycle(package.Name, dependency.Name, null) is { } cycle)
            {
                comments.Add($"req2nix: {Final(dependency.Name)} is left out: it closes the dependency cycle {cycle}");
            }
            else
            {
                list.AddElement(Final(dependency.Name), within);
            }
            foreach (var extra in Sorted(dependency.Extras))
            {
                var via = new Via(dependency.Name, extra);
                if (!_cycles.DropsAnyVia(package.Name, via))
                {
                    list.AddSpliced(FinalExtra(dependency.Name, extra), within);
                    continue;
                }
                comments.Add($"req2nix: {dependency.Name}[{extra}] is listed member by member, as one of them closes a dependency cycle");
                foreach (var (member, memberSystems) in _packages.ExtraClosure(dependency.Name, extra, within))
                {
                    if (_cycles.DroppedCycle(package.Name, member, via) is { } memberCycle)
                    {
                        comments.Add($"req2nix: {Final(member)} is left out: it closes the dependency cycle {memberCycle}");
                    }
                    else
                    {
                        list.AddElement(Final(member), memberSystems);
                    }
                }
            }
        }
        return list.Build();
    }

    private NixAttrSet OptionalDependencies(ResolvedPackage package, SystemSet systems)
    {
        if (!_requestedExtras.TryGetValue(package.Name, out var extras))
        {
            return new NixAttrSet([]);
        }
        var bindings = new List<NixBinding>();
        foreach (var extra in extras)
        {
            var list = new ConditionalList(systems);
            if (package.OptionalDependencies.TryGetValue(extra, out var members))
            {
                foreach (var member in members)
                {
                    list.AddElement(Final(member.Name), PackageAttributes.SystemsOf(member));
                    foreach (var nested in member.Extras)
                    {
                        list.AddSpliced(FinalExtra(member.Name, nested), PackageAttributes.SystemsOf(member));
                    }
                }
            }
            bindings.Add(new NixBinding(NixIdentifier.AttrName(extra.Value), list.Build()));
        }
        return new NixAttrSet(bindings);
    }

    /// <summary>
    /// Every extra anything asks of each package: each version's attribute defines them all (an
    /// empty list where a version lacks one), so <c>final.x.optional-dependencies.y</c> exists
    /// whichever version a system gets.
    /// </summary>
    private static Dictionary<PackageName, List<ExtraName>> RequestedExtras(PackageAttributes packages, IReadOnlyList<ResolvedDependency> roots)
    {
        var requested = new Dictionary<PackageName, List<ExtraName>>();
        void Add(PackageName name, ExtraName extra)
        {
            if (!requested.TryGetValue(name, out var extras))
            {
                requested[name] = extras = [];
            }
            AddSorted(extras, extra);
        }
        void AddExtrasOf(ResolvedDependency dependency)
        {
            foreach (var extra in dependency.Extras)
            {
                Add(dependency.Name, extra);
            }
        }
        foreach (var dependency in roots)
        {
            AddExtrasOf(dependency);
        }
        foreach (var name in packages.Names)
        {
            foreach (var package in packages.VersionsOf(name))
            {
                foreach (var dependency in package.Dependencies)
                {
                    AddExtrasOf(dependency);
                }
                foreach (var (extra, members) in package.OptionalDependencies)
                {
                    Add(package.Name, extra);
                    foreach (var member in members)
                    {
                        AddExtrasOf(member);
                    }
                }
            }
        }
        return requested;
    }

    /// <summary>Adds <paramref name="extra"/> to the sorted <paramref name="extras"/> unless it is there already.</summary>
    private static void AddSorted(List<ExtraName> extras, ExtraName extra)
    {
        var at = 0;
        while (at < extras.Count && extras[at].CompareTo(extra) < 0)
        {
            at++;
        }
        if (at == extras.Count || extras[at] != extra)
        {
            extras.Insert(at, extra);
        }
    }

    /// <summary>The extras in order (an insertion sort: a dependency names few).</summary>
    private static ExtraName[] Sorted(IReadOnlyList<ExtraName> extras)
    {
        var sorted = new ExtraName[extras.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var extra = extras[i];
            var j = i - 1;
            for (; j >= 0 && sorted[j].CompareTo(extra) > 0; j--)
            {
                sorted[j + 1] = sorted[j];
            }
            sorted[j + 1] = extra;
        }
        return sorted;
    }
}
