using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Tests.Pyproject;

/// <summary>pyproject.toml: PEP 621, Poetry's tables, PEP 735 groups, build-system, the manifest, and positioned errors.</summary>
public sealed class PyprojectReaderTests
{
    [Fact]
    public void Pep621_dependencies_extras_and_groups_become_roots_with_their_positions()
    {
        var project = PyprojectReader.Read("""
            [project]
            name = "demo"
            version = "1.0"
            requires-python = ">=3.10"
            dependencies = [
                "requests[socks]>=2.31",
                "tomli>=2 ; python_version < '3.11'",
                "mylib @ git+https://token@github.com/org/mylib.git@v1.2#subdirectory=py",
            ]

            [project.optional-dependencies]
            cli = ["click>=8"]

            [dependency-groups]
            test = ["pytest>=8", {include-group = "typing"}]
            typing = ["mypy"]
            dev = [{include-group = "test"}, "ruff"]

            [build-system]
            requires = ["hatchling>=1.20"]
            build-backend = "hatchling.build"
            """, "demo/pyproject.toml");

        Assert.Equal(("demo", ">=3.10"), (project.Project!.Name, project.Project.RequiresPython));
        Assert.Equal(SpecifierSet.Parse(">=3.10"), project.Project.RequiresPythonSpecifiers);
        Assert.Equal("hatchling>=1.20", Assert.Single(project.BuildSystem!.Requires).Requirement.ToString());
        Assert.Equal("hatchling.build", project.BuildSystem.BuildBackend);

        var byDefault = project.Dependencies(DependencySelection.Default);
        Assert.Equal(
            ["requests", "tomli", "mylib", "pytest", "mypy", "ruff"],
            byDefault.Select(d => d.Name.Value));
        Assert.Equal(["main", "main", "main", "dev", "dev", "dev"], byDefault.Select(d => d.Group));

        var manifest = project.ToManifest(DependencySelection.MainOnly with { Extras = [ExtraName.Parse("cli")] });
        Assert.Equal(
            ["demo/pyproject.toml:6:5", "demo/pyproject.toml:7:5", "demo/pyproject.toml:8:5", "demo/pyproject.toml:12:8"],
            manifest.Requirements.Select(r => r.Origin.ToString()));
        Assert.Equal("requests[socks]>=2.31", manifest.Requirements[0].Requirement.ToString());
        var git = Assert.IsType<VcsSource>(manifest.Requirements[2].Source);
        Assert.Equal(("https://github.com/org/mylib.git", "v1.2", "py"), (git.Url, git.Revision, git.Subdirectory));
        Assert.Equal(IndexSettings.PyPI, manifest.Index);
    }

    [Fact]
    public void Poetry_dependencies_convert_constraints_python_and_platform_to_pep508()
    {
        var project = PyprojectReader.Read("""
            [tool.poetry]
            name = "app"
            version = "0.1.0"

            [tool.poetry.dependencies]
            python = "^3.9"
            requests = "^2.28"
            tomli = {version = "^2.0", python = "<3.11"}
            pywin32 = {version = ">=300", platform = "win32"}
            uvloop = {version = "*", markers = "implementation_name == 'cpython'", python = ">3.8"}
            local = {path = "../local", develop = true}
            remote = {git = "https://github.com/org/remote.git", tag = "v2"}
            wheel = {url = "https://example.com/wheel-1.0-py3-none-any.whl"}
            psycopg = {version = "^3.1", extras = ["binary", "pool"]}
            redis = {version = "^5", optional = true}

            [tool.poetry.extras]
            cache = ["redis"]
            """);

        Assert.Equal("^3.9", project.Poetry!.Python);
        var roots = project.ToManifest(DependencySelection.Default).Requirements;
        Assert.Equal(
            [
                "requests<3.0,>=2.28",
                "tomli<3.0,>=2.0; python_version < \"3.11\"",
                "pywin32>=300; sys_platform == \"win32\"",
                "uvloop; implementation_name == \"cpython\" and python_full_version > \"3.8.0\"",
                "local",
                "remote",
                "wheel",
                "psycopg[binary,pool]<4.0,>=3.1",
            ],
            roots.Select(r => r.Requirement.ToString()));
        Assert.Equal(("../local", true), (((LocalPathSource)roots[4].Source!).Path, roots[4].Editable));
        Assert.Equal(("https://github.com/org/remote.git", "v2"), (((VcsSource)roots[5].Source!).Url, ((VcsSource)roots[5].Source!).Revision));
        Assert.Equal("https://example.com/wheel-1.0-py3-none-any.whl", ((ArchiveSource)roots[6].Source!).Url);

        var withCache = project.Dependencies(new DependencySelection { Extras = [ExtraName.Parse("cache")] });
        var redis = withCache.Single(d => d.Name.Value == "redis");
        Assert.Equal("cache", redis.Extra!.Value.Value);
        Assert.True(redis.Constraint.Contains(Pep440Version.Parse("5.0.1")));
    }

    [Theory]
    [InlineData("^3.8", "python_version >= \"3.8\" and python_version < \"4.0\"")]
    [InlineData("~3.9", "python_version >= \"3.9\" and python_version < \"3.10\"")]
    [InlineData(">=3.8.1", "python_full_version >= \"3.8.1\"")]
    [InlineData(">3.8", "python_full_version > \"3.8.0\"")]
    [InlineData("<=3.10", "python_full_version <= \"3.10.0\"")]
    [InlineData("3.11.*", "python_version == \"3.11.*\"")]
    [InlineData("!=3.9.0", "python_full_version != \"3.9.0\"")]
    [InlineData("~2.7 || ^3.6", "(python_version >= \"2.7\" and python_version < \"2.8\") or (python_version >= \"3.6\" and python_version < \"4.0\")")]
    [InlineData("<3.8 || >=3.10", "python_version < \"3.8\" or python_version >= \"3.10\"")]
    [InlineData("*", null)]
    public void Poetry_python_constraints_become_markers(string python, string? marker)
    {
        var project = PyprojectReader.Read($"[tool.poetry.dependencies]\nx = {{version = \"*\", python = \"{python}\"}}\n");

        var dependency = Assert.Single(project.Dependencies(DependencySelection.Default));

        Assert.Equal(marker, dependency.Marker?.ToString());
    }

    [Theory]
    [InlineData("linux", "sys_platform == \"linux\"")]
    [InlineData("!=win32", "sys_platform != \"win32\"")]
    [InlineData("linux || darwin", "sys_platform == \"linux\" or sys_platform == \"darwin\"")]
    public void Poetry_platform_constraints_become_markers(string platform, string marker)
    {
        var project = PyprojectReader.Read($"[tool.poetry.dependencies]\nx = {{version = \"*\", platform = \"{platform}\"}}\n");

        Assert.Equal(marker, Assert.Single(project.Dependencies(DependencySelection.Default)).Marker?.ToString());
    }

    [Fact]
    public void Poetry_groups_optional_groups_and_dev_dependencies_follow_the_selection()
    {
        var project = PyprojectReader.Read("""
            [tool.poetry.dependencies]
            six = "*"

            [tool.poetry.dev-dependencies]
            mock = "*"

            [tool.poetry.group.test.dependencies]
            pytest = "^8"

            [tool.poetry.group.docs]
            optional = true

            [tool.poetry.group.docs.dependencies]
            sphinx = "^7"

            [tool.poetry.group.lint]
            include-groups = ["test"]

            [tool.poetry.group.lint.dependencies]
            ruff = "*"
            """);

        Assert.Equal(["six", "pytest", "ruff", "pytest", "mock"], Names(project, DependencySelection.Default));
        Assert.Equal(["six"], Names(project, DependencySelection.MainOnly));
        Assert.Equal(["six", "sphinx"], Names(project, new DependencySelection { Groups = ["docs"] }));
        Assert.Equal(["six", "ruff", "pytest"], Names(project, new DependencySelection { Groups = ["lint", "main"] }));
    }

    [Fact]
    public void Pep621_dependencies_take_poetrys_sources_for_the_same_names()
    {
        var project = PyprojectReader.Read("""
            [project]
            name = "app"
            dependencies = ["helper", "requests"]

            [tool.poetry.dependencies]
            helper = {path = "../helper", develop = true}
            not-in-project = "*"
            """);

        var dependencies = project.Dependencies(DependencySelection.Default);

        Assert.Equal(["helper", "requests"], dependencies.Select(d => d.Name.Value));
        Assert.Equal("../helper", Assert.IsType<LocalPathSource>(dependencies[0].Source).Path);
        Assert.True(dependencies[0].Editable);
    }

    [Fact]
    public void Poetry_sources_become_index_settings()
    {
        var project = PyprojectReader.Read("""
            [[tool.poetry.source]]
            name = "company"
            url = "https://pypi.example.com/simple/"
            priority = "primary"

            [[tool.poetry.source]]
            name = "PyPI"
            priority = "primary"

            [[tool.poetry.source]]
            name = "torch"
            url = "https://download.pytorch.org/whl/cpu"
            priority = "explicit"
            """);

        var index = project.ToManifest(DependencySelection.Default).Index;

        Assert.Equal(new Uri("https://pypi.example.com/simple/"), index.IndexUrl);
        Assert.Equal([IndexSettings.PyPISimpleUrl, new Uri("https://download.pytorch.org/whl/cpu")], index.ExtraIndexUrls);
    }

    [Fact]
    public void The_build_system_reads_alone_even_when_other_tables_are_wrong()
    {
        var text = """
            [project]
            dependencies = "not a list"

            [build-system]
            requires = ["setuptools>=61", "wheel"]
            """u8.ToArray();

        var buildSystem = PyprojectReader.ReadBuildSystem(text);

        Assert.Equal(["setuptools>=61", "wheel"], buildSystem!.Requires.Select(r => r.Requirement.ToString()));
        Assert.Null(buildSystem.BuildBackend);
        Assert.Throws<PyprojectException>(() => PyprojectReader.Read(text));
        Assert.Null(PyprojectReader.ReadBuildSystem("[project]\nname = \"x\"\n"u8));
    }

    [Fact]
    public void A_union_without_a_pep440_equivalent_cannot_become_a_root()
    {
        var project = PyprojectReader.Read("""
            [tool.poetry.dependencies]
            joined = "^1.0 || ^2.0"
            gapped = "<1.5 || >=2.0"
            """);

        var dependencies = project.Dependencies(DependencySelection.Default);
        var error = Assert.Throws<PyprojectException>(() => project.ToManifest(DependencySelection.Default));

        Assert.Equal("joined<3.0,>=1.0", dependencies[0].ToRootRequirement().Requirement.ToString());
        Assert.Equal(new TomlPosition(3, 10, "pyproject.toml"), error.Position);
        Assert.Contains("'<1.5 || >=2.0' of gapped has no single PEP 440 equivalent", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[project]\ndependencies = [\"requests >= \"]\n", 2, 27, "invalid requirement")]
    [InlineData("[project]\ndependencies = [1]\n", 2, 17, "PEP 508 requirement string")]
    [InlineData("[project]\nrequires-python = \">=3.8,<3.x\"\n", 2, 28, "invalid requires-python '>=3.8,<3.x'")]
    [InlineData("[project]\ndependencies = \"requests\"\n", 2, 16, "'dependencies'")]
    [InlineData("[project.optional-dependencies]\ncli = \"click\"\n", 2, 7, "the extra 'cli' must be an array")]
    [InlineData("[tool.poetry.dependencies]\nx = \"^1.0 ||| 2\"\n", 2, 13, "invalid version constraint")]
    [InlineData("[tool.poetry.dependencies]\nx = {version = \"*\", markers = \"os_name === \"}\n", 2, 44, "invalid marker")]
    [InlineData("[tool.poetry.dependencies]\nx = 3\n", 2, 5, "the dependency 'x' must be")]
    [InlineData("[tool.poetry.dependencies]\n\"bad name!\" = \"*\"\n", 2, 15, "not a valid project name")]
    [InlineData("[dependency-groups]\na = [{include-group = \"b\"}]\nb = [{include-group = \"a\"}]\n", 3, 6, "includes itself")]
    [InlineData("[dependency-groups]\na = [{include-group = \"missing\"}]\n", 2, 6, "'missing' is not defined")]
    [InlineData("[dependency-groups]\na = [3]\n", 2, 6, "requirement string or {include-group")]
    [InlineData("[build-system]\nbuild-backend = \"x\"\n", 1, 1, "must list its 'requires'")]
    [InlineData("[[tool.poetry.source]]\nname = \"nowhere\"\n", 1, 1, "has no url")]
    [InlineData("[project\n", 1, 9, "")]
    public void Bad_files_fail_with_a_positioned_PyprojectException(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<PyprojectException>(() =>
            PyprojectReader.Read(text, "p.toml").ToManifest(DependencySelection.Default));

        Assert.Equal(new TomlPosition(line, column, "p.toml"), error.Position);
        Assert.StartsWith($"p.toml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_groups_match_by_normalized_name_and_a_diamond_is_not_a_cycle()
    {
        var project = PyprojectReader.Read("""
            [dependency-groups]
            all = [{include-group = "Lint"}, {include-group = "test"}]
            lint = ["ruff", {include-group = "common"}]
            test = ["pytest", {include-group = "COMMON"}]
            common = ["rich"]
            """);

        Assert.Equal(["ruff", "rich", "pytest", "rich"], Names(project, new DependencySelection { Groups = ["all"] }));
    }

    [Fact]
    public void An_include_group_cycle_names_every_group_on_it_at_the_include_that_closes_it()
    {
        var project = PyprojectReader.Read("""
            [dependency-groups]
            a = ["x", {include-group = "b"}]
            b = [{include-group = "C"}]
            c = ["y", {include-group = "A"}]
            """, "p.toml");

        var error = Assert.Throws<PyprojectException>(() => project.Dependencies(new DependencySelection { Groups = ["a"] }));

        Assert.Equal(new TomlPosition(4, 11, "p.toml"), error.Position);
        Assert.Equal("dependency group 'A' includes itself (a → b → C → A)", error.Reason);
    }

    [Theory]
    [InlineData("[dependency-groups]\nTest = [\"a\"]\ntest = [\"b\"]\n", 3, 1, "'test' has the same normalized name ('test') as 'Test' at 2:1")]
    [InlineData("[dependency-groups]\ntest-all = [\"a\"]\n\"Test_All\" = [\"b\"]\n", 3, 1, "'Test_All' has the same normalized name ('test-all') as 'test-all' at 2:1")]
    public void Group_names_that_normalize_alike_are_refused_as_pep_735_asks(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<PyprojectException>(() => PyprojectReader.Read(text, "p.toml"));

        Assert.Equal(new TomlPosition(line, column, "p.toml"), error.Position);
        Assert.EndsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_group_the_project_lacks_is_an_error()
    {
        var project = PyprojectReader.Read("[dependency-groups]\ndev = [\"pytest\"]\n");

        var error = Assert.Throws<PyprojectException>(() => project.Dependencies(new DependencySelection { Groups = ["docs"] }));

        Assert.Contains("no dependency group is named 'docs'; the groups are: dev", error.Reason, StringComparison.Ordinal);
    }

    private static List<string> Names(PyprojectToml project, DependencySelection selection) =>
        [.. project.Dependencies(selection).Select(d => d.Name.Value)];
}
