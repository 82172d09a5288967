using System.Text.Json;
using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;
using static Req2Nix.Emit.Tests.Support.Build;

namespace Req2Nix.Emit.Tests.Packages;

/// <summary>
/// Generated files evaluated by Nix against the stub package set: every reference resolves, a
/// cycle would fail, and each system gets the dependencies, versions and sources it should.
/// </summary>
public class OverlayEvaluationTests
{
    private static JsonElement Evaluate(Resolution resolution, NixSystem system, EmitOptions? options = null) =>
        StubEvaluation.Evaluate(PythonPackagesFile.Write(resolution, options ?? Options()), system);

    [NixFact("nix-instantiate")]
    public void Extras_splice_the_optional_dependencies_of_the_dependency()
    {
        var resolution = Resolution(
            Sdist("app", "1.0") with { Dependencies = [On("requests", "socks")] },
            Sdist("requests", "2.25.0") with
            {
                Dependencies = [On("idna")],
                OptionalDependencies = Extras("socks", On("pysocks")),
            },
            Sdist("idna", "2.10"),
            Sdist("pysocks", "1.7.1"));

        var summary = Evaluate(resolution, NixSystem.LinuxX64);

        Assert.Equal(["requests", "pysocks"], summary.GetProperty("app").GetProperty("dependencies").Strings());
        Assert.Equal(["pysocks"], summary.GetProperty("requests").GetProperty("optional-dependencies").GetProperty("socks").Strings());
        Assert.Equal(["idna"], summary.GetProperty("requests").GetProperty("dependencies").Strings());
    }

    [NixFact("nix-instantiate")]
    public void Edges_for_some_systems_hold_only_there_and_their_packages_still_get_an_attribute()
    {
        var resolution = Resolution(
            Sdist("app", "1.0") with
            {
                Dependencies = [On("click"), On("colorama", Systems(NixSystem.DarwinArm64)), On("uvloop", Linux)],
            },
            Sdist("click", "8.0.0"),
            Sdist("colorama", "0.4.6") with { Systems = Systems(NixSystem.DarwinArm64) },
            Sdist("uvloop", "0.19.0") with { Systems = Linux });

        var linux = Evaluate(resolution, NixSystem.LinuxArm64);
        var darwin = Evaluate(resolution, NixSystem.DarwinArm64);
        var intelMac = Evaluate(resolution, NixSystem.DarwinX64);

        Assert.Equal(["click", "uvloop"], linux.GetProperty("app").GetProperty("dependencies").Strings());
        Assert.Equal(["click", "colorama"], darwin.GetProperty("app").GetProperty("dependencies").Strings());
        Assert.Equal(["click"], intelMac.GetProperty("app").GetProperty("dependencies").Strings());
        Assert.Equal("0.4.6", linux.GetProperty("colorama").GetProperty("version").GetString());
    }

    [NixFact("nix-instantiate")]
    public void A_name_with_a_version_per_system_chooses_by_system()
    {
        var resolution = Resolution(
            Sdist("app", "1.0") with { Dependencies = [On("numpy")] },
            Sdist("numpy", "1.26.4") with { Systems = Systems(NixSystem.DarwinX64) },
            Sdist("numpy", "2.1.0") with
            {
                Systems = Systems(NixSystem.LinuxX64, NixSystem.LinuxArm64, NixSystem.DarwinArm64),
                Dependencies = [On("packaging")],
            },
            Sdist("packaging", "24.0"));

        Assert.Equal("1.26.4", Evaluate(resolution, NixSystem.DarwinX64).GetProperty("numpy").GetProperty("version").GetString());
        var arm = Evaluate(resolution, NixSystem.DarwinArm64).GetProperty("numpy");
        Assert.Equal("2.1.0", arm.GetProperty("version").GetString());
        Assert.Equal(["packaging"], arm.GetProperty("dependencies").Strings());
        Assert.Equal("2.1.0", Evaluate(resolution, NixSystem.LinuxX64).GetProperty("numpy").GetProperty("version").GetString());
    }

    [NixFact("nix-instantiate")]
    public void Cycles_are_broken_so_the_set_evaluates()
    {
        var resolution = Resolution(
            Sdist("a", "1") with { Dependencies = [On("b")] },
            Sdist("b", "1") with { Dependencies = [On("c")] },
            Sdist("c", "1") with { Dependencies = [On("a"), On("c")] });

        var text = PythonPackagesFile.Write(resolution, Options());
        var summary = StubEvaluation.Evaluate(text, NixSystem.LinuxX64);

        Assert.Equal(["b"], summary.GetProperty("a").GetProperty("dependencies").Strings());
        Assert.Empty(summary.GetProperty("c").GetProperty("dependencies").Strings());
        Assert.Contains("# req2nix: final.a is left out: it closes the dependency cycle a -> b -> c -> a", text, StringComparison.Ordinal);
        Assert.Contains("# req2nix: final.c is left out: it closes the dependency cycle c -> c", text, StringComparison.Ordinal);
    }

    [NixFact("nix-instantiate")]
    public void A_cycle_through_an_extra_lists_the_extra_member_by_member()
    {
        // a needs b[x]; b's extra x needs a and d: a would propagate itself.
        var resolution = Resolution(
            Sdist("a", "1") with { Dependencies = [On("b", "x")] },
            Sdist("b", "1") with { OptionalDependencies = Extras("x", On("a"), On("d")) },
            Sdist("d", "1"));

        var text = PythonPackagesFile.Write(resolution, Options());
        var summary = StubEvaluation.Evaluate(text, NixSystem.LinuxX64);

        Assert.Equal(["b", "d"], summary.GetProperty("a").GetProperty("dependencies").Strings());
        Assert.Equal(["a", "d"], summary.GetProperty("b").GetProperty("optional-dependencies").GetProperty("x").Strings());
        Assert.Contains("b[x] is listed member by member", text, StringComparison.Ordinal);
    }

    [NixFact("nix-instantiate")]
    public void Wheels_never_builds_from_the_sdist_and_pure_installs_the_pure_wheel()
    {
        var resolution = Resolution(Package(
            "attrs",
            "23.2.0",
            PypiFile("attrs-23.2.0-py3-none-any.whl"),
            PypiFile("attrs-23.2.0.tar.gz")));

        var never = Evaluate(resolution, NixSystem.LinuxX64, Options(WheelPolicy.Never)).GetProperty("attrs");
        var pure = Evaluate(resolution, NixSystem.LinuxX64, Options(WheelPolicy.Pure)).GetProperty("attrs");

        Assert.True(never.GetProperty("pyproject").GetBoolean());
        Assert.EndsWith("/attrs-23.2.0.tar.gz", never.GetProperty("src").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["setuptools"], never.GetProperty("build-system").Strings());
        Assert.Equal("wheel", pure.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, pure.GetProperty("pyproject").ValueKind);
        Assert.Empty(pure.GetProperty("build-system").Strings());
        Assert.EndsWith("/attrs-23.2.0-py3-none-any.whl", pure.GetProperty("src").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [NixFact("nix-instantiate")]
    public void Wheels_all_takes_each_systems_wheel_patches_linux_ones_and_builds_the_sdist_where_none_fits()
    {
        var resolution = Resolution(Package(
            "orjson",
            "3.10.0",
            PypiFile("orjson-3.10.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            PypiFile("orjson-3.10.0-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl"),
            PypiFile("orjson-3.10.0-cp311-cp311-macosx_10_15_x86_64.macosx_11_0_arm64.macosx_10_15_universal2.whl"),
            PypiFile("orjson-3.10.0.tar.gz")));
        var options = Options(WheelPolicy.All);
        var text = PythonPackagesFile.Write(resolution, options);

        var x64 = StubEvaluation.Evaluate(text, NixSystem.LinuxX64).GetProperty("orjson");
        var arm = StubEvaluation.Evaluate(text, NixSystem.LinuxArm64).GetProperty("orjson");
        var mac = StubEvaluation.Evaluate(text, NixSystem.DarwinArm64).GetProperty("orjson");

        Assert.EndsWith("manylinux2014_x86_64.whl", x64.GetProperty("src").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("manylinux2014_aarch64.whl", arm.GetProperty("src").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("universal2.whl", mac.GetProperty("src").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["autoPatchelfHook"], x64.GetProperty("nativeBuildInputs").Strings());
        Assert.Empty(mac.GetProperty("nativeBuildInputs").Strings());
        Assert.Equal("wheel", mac.GetProperty("format").GetString());

        // Under Python 3.13 no cp311 wheel fits: every system builds the sdist.
        var newer = resolution with { Target = new ResolutionTarget(PythonTarget.Parse("3.13"), SystemSet.All) };
        var fromSource = StubEvaluation.Evaluate(PythonPackagesFile.Write(newer, options), NixSystem.LinuxX64).GetProperty("orjson");
        Assert.True(fromSource.GetProperty("pyproject").GetBoolean());
    }

    [NixFact("nix-instantiate")]
    public void A_version_with_only_a_platform_wheel_uses_it_and_throws_where_nothing_fits()
    {
        var resolution = Resolution(Package("blob", "1.0", PypiFile("blob-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")));
        var text = PythonPackagesFile.Write(resolution, Options(WheelPolicy.Never));

        var linux = StubEvaluation.Evaluate(text, NixSystem.LinuxX64).GetProperty("blob");
        Assert.Equal("wheel", linux.GetProperty("format").GetString());
        var error = Assert.Throws<InvalidOperationException>(() => StubEvaluation.Evaluate(text, NixSystem.DarwinArm64));
        Assert.Contains("no file of blob 1.0 fits Python 3.11 on aarch64-linux x86_64-darwin aarch64-darwin", error.Message, StringComparison.Ordinal);
    }

    [NixFact("nix-instantiate")]
    public void Reuse_nixpkgs_overrides_what_nixpkgs_has_and_builds_the_rest()
    {
        var resolution = Resolution(
            Sdist("app", "1.0") with { Dependencies = [On("requests"), On("zope.interface")] },
            Sdist("requests", "2.31.0") with { Dependencies = [On("idna")], TopLevelModules = ["requests"] },
            Package("zope.interface", "6.0", PypiFile("zope.interface-6.0.tar.gz")),
            Sdist("idna", "3.6"));

        var summary = Evaluate(resolution, NixSystem.LinuxX64, Options(reuse: true));

        var requests = summary.GetProperty("requests");
        Assert.Equal("2.31.0", requests.GetProperty("version").GetString());
        Assert.Equal(["native-of-requests"], requests.GetProperty("nativeBuildInputs").Strings());
        Assert.Equal(["idna"], requests.GetProperty("dependencies").Strings());
        Assert.Equal(JsonValueKind.Null, requests.GetProperty("format").ValueKind);
        Assert.Equal(["requests"], requests.GetProperty("pythonImportsCheck").Strings());
        Assert.Equal("6.0", summary.GetProperty("zope-interface").GetProperty("version").GetString());
        Assert.Empty(summary.GetProperty("idna").GetProperty("nativeBuildInputs").Strings());
        Assert.Equal(["requests", "zope-interface"], summary.GetProperty("app").GetProperty("dependencies").Strings());
    }

    [NixFact("nix-instantiate")]
    public void Reuse_nixpkgs_with_a_platform_wheel_keeps_nixpkgs_native_inputs_and_adds_the_patch_hook()
    {
        var resolution = Resolution(Package("cffi", "1.16.0", PypiFile("cffi-1.16.0-cp311-cp311-manylinux_2_17_x86_64.whl")));

        var cffi = Evaluate(resolution, NixSystem.LinuxX64, Options(WheelPolicy.All, reuse: true)).GetProperty("cffi");

        Assert.Equal(["native-of-cffi", "autoPatchelfHook"], cffi.GetProperty("nativeBuildInputs").Strings());
        Assert.Equal("wheel", cffi.GetProperty("format").GetString());
    }

    [NixFact("nix-instantiate")]
    public void Build_systems_come_from_the_sdist_mapped_to_nixpkgs_names()
    {
        var resolution = Resolution(
            Sdist("a", "1") with
            {
                BuildRequires = [
                    Requirement.Parse("setuptools>=64"),
                    Requirement.Parse("setuptools_scm[toml]>=8"),
                    Requirement.Parse("wheel"),
                    Requirement.Parse("Cython<3; sys_platform == 'darwin'"),
                ],
            },
            Sdist("b", "1") with { BuildRequires = [Requirement.Parse("poetry>=0.12")] },
            Sdist("c", "1") with { BuildRequires = null },
            Sdist("d", "1") with { BuildRequires = [Requirement.Parse("flit_core >=3.2,<4")] });
        var text = PythonPackagesFile.Write(resolution, Options());

        var linux = StubEvaluation.Evaluate(text, NixSystem.LinuxX64);
        var darwin = StubEvaluation.Evaluate(text, NixSystem.DarwinX64);

        Assert.Equal(["setuptools", "setuptools-scm"], linux.GetProperty("a").GetProperty("build-system").Strings());
        Assert.Equal(["setuptools", "setuptools-scm", "cython"], darwin.GetProperty("a").GetProperty("build-system").Strings());
        Assert.Equal(["poetry-core"], linux.GetProperty("b").GetProperty("build-system").Strings());
        Assert.Equal(["setuptools"], linux.GetProperty("c").GetProperty("build-system").Strings());
        Assert.Equal(["flit-core"], linux.GetProperty("d").GetProperty("build-system").Strings());
        Assert.Contains("# req2nix: the sdist's build requirements were not read; assuming setuptools", text, StringComparison.Ordinal);
    }

    [NixFact("nix-instantiate")]
    public void Import_checks_name_the_top_level_modules_that_can_be_imported()
    {
        var resolution = Resolution(Sdist("a", "1") with { TopLevelModules = ["b_mod", "a", "tests", "docs", "not-a-module", "_private"] });

        var a = Evaluate(resolution, NixSystem.LinuxX64).GetProperty("a");

        Assert.Equal(["_private", "a", "b_mod"], a.GetProperty("pythonImportsCheck").Strings());
        Assert.False(a.GetProperty("doCheck").GetBoolean());
    }

    [NixFact("nix-instantiate")]
    public void Names_that_are_not_identifiers_or_are_keywords_are_quoted_everywhere()
    {
        var names = new[] { "if", "let", "or", "inherit", "rec", "3to2", "with" };
        var packages = names.Select(n => Sdist(n, "1.0") with { OptionalDependencies = Extras("2fa", On("with")) }).ToList();
        packages[0] = packages[0] with { Dependencies = [.. names.Skip(1).Select(n => On(n, "2fa"))] };
        var resolution = Resolution([.. packages]);

        var summary = Evaluate(resolution, NixSystem.LinuxX64, Options(reuse: true));

        Assert.Equal(["3to2", "inherit", "let", "or", "rec", "with", "with", "with", "with", "with", "with", "with"], summary.GetProperty("if").GetProperty("dependencies").Strings());
        Assert.Equal(names.Order(StringComparer.Ordinal), summary.EnumerateObject().Select(p => p.Name));
    }

    [NixFact("nix-instantiate")]
    public void Direct_sources_are_fetched_by_url_git_commit_or_path()
    {
        var commit = new string('a', 40);
        var resolution = Resolution(
            Sdist("app", "1.0") with { Dependencies = [On("fromgit"), On("local"), On("archive"), On("branch")] },
            new ResolvedPackage(PackageName.Parse("fromgit"), Packaging.Pep440.Pep440Version.Parse("0.1"))
            {
                Source = new VcsSource(VcsKind.Git, "https://example.org/x.git") { Revision = commit, Subdirectory = "python" },
            },
            new ResolvedPackage(PackageName.Parse("branch"), Packaging.Pep440.Pep440Version.Parse("0.1"))
            {
                Source = new VcsSource(VcsKind.Git, "https://example.org/y.git") { Revision = "main" },
            },
            new ResolvedPackage(PackageName.Parse("local"), Packaging.Pep440.Pep440Version.Parse("0.2"))
            {
                Source = new LocalPathSource("../libs/local pkg"),
            },
            new ResolvedPackage(PackageName.Parse("archive"), Packaging.Pep440.Pep440Version.Parse("0.3"))
            {
                Source = new ArchiveSource("https://example.org/dl/archive-0.3%2Blocal.tar.gz") { Sha256 = DigestOf("archive") },
            });
        var text = PythonPackagesFile.Write(resolution, Options());

        var summary = StubEvaluation.EvaluateSkippingSources(text, NixSystem.LinuxX64, ["fromgit", "branch"]);

        Assert.Equal("source/python", summary.GetProperty("fromgit").GetProperty("sourceRoot").GetString());
        Assert.Contains($"rev = \"{commit}\";", text, StringComparison.Ordinal);
        Assert.EndsWith("/libs/local pkg", summary.GetProperty("local").GetProperty("src").GetString(), StringComparison.Ordinal);
        var archive = summary.GetProperty("archive").GetProperty("src");
        Assert.Equal("https://example.org/dl/archive-0.3%2Blocal.tar.gz", archive.GetProperty("url").GetString());
        Assert.Equal("archive-0.3+local.tar.gz", archive.GetProperty("name").GetString());
        Assert.Equal(DigestOf("archive").ToSri(), archive.GetProperty("hash").GetString());
        Assert.Contains("without a pinned commit", text, StringComparison.Ordinal);
    }

    [NixFact("nix-instantiate")]
    public void An_edge_that_names_no_systems_holds_everywhere()
    {
        var resolution = Resolution(Sdist("a", "1") with { Dependencies = [On("b", SystemSet.None)] }, Sdist("b", "1"));

        Assert.Equal(["b"], Evaluate(resolution, NixSystem.DarwinX64).GetProperty("a").GetProperty("dependencies").Strings());
    }

    [Fact]
    public void A_resolution_that_contradicts_itself_is_rejected()
    {
        var missing = Resolution(Sdist("a", "1") with { Dependencies = [On("b")] });
        var overlapping = Resolution(Sdist("a", "1") with { Systems = Linux }, Sdist("a", "2") with { Systems = SystemSet.All });

        Assert.Contains("which the resolution does not contain", Assert.Throws<ArgumentException>(() => PythonPackagesFile.Write(missing, Options())).Message, StringComparison.Ordinal);
        Assert.Contains("several versions of a", Assert.Throws<ArgumentException>(() => PythonPackagesFile.Write(overlapping, Options())).Message, StringComparison.Ordinal);
    }
}
