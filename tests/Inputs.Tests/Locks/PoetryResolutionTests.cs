using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>poetry.lock → Resolution: markers per Nix system, extras, groups, version choice, sources and files.</summary>
public sealed class PoetryResolutionTests
{
    private static readonly ResolutionTarget Python311 = new(PythonTarget.Parse("3.11"), SystemSet.All);

    private static readonly SystemSet Darwin = SystemSet.Of([NixSystem.DarwinX64, NixSystem.DarwinArm64]);

    private static readonly SystemSet Linux = SystemSet.Of([NixSystem.LinuxX64, NixSystem.LinuxArm64]);

    [Fact]
    public void A_darwin_only_dependency_gets_the_darwin_systems_only()
    {
        var resolution = PoetryLockReader.Read($$"""
            {{Package("app", "1.0", "app-1.0-py3-none-any.whl")}}
            [package.dependencies]
            appnope = {version = ">=0.1", markers = "sys_platform == \"darwin\""}
            colorama = {version = "*", markers = "platform_system == \"Windows\""}
            arm-only = {version = "*", markers = "platform_machine == \"arm64\" or platform_machine == \"aarch64\""}

            {{Package("appnope", "0.1.4", "appnope-0.1.4-py2.py3-none-any.whl")}}
            {{Package("colorama", "0.4.6", "colorama-0.4.6-py2.py3-none-any.whl")}}
            {{Package("arm-only", "2.0", "arm_only-2.0.tar.gz")}}
            {{Metadata("2.0")}}
            """).ToResolution(Python311);

        Assert.Equal(["app", "appnope", "arm-only"], resolution.Packages.Select(p => p.Name.Value));
        Assert.Equal(SystemSet.All, Find(resolution, "app").Systems);
        Assert.Equal(Darwin, Find(resolution, "appnope").Systems);
        Assert.Equal(SystemSet.Of([NixSystem.LinuxArm64, NixSystem.DarwinArm64]), Find(resolution, "arm-only").Systems);
        var edges = Find(resolution, "app").Dependencies;
        Assert.Equal(Darwin, edges.Single(d => d.Name.Value == "appnope").Systems);
        Assert.DoesNotContain(edges, d => d.Name.Value == "colorama");
        var root = Assert.Single(resolution.Roots);
        Assert.Equal(("app", SystemSet.All), (root.Name.Value, root.Systems));
    }

    [Fact]
    public void Files_carry_the_locks_hashes_and_pypi_urls_and_only_usable_wheels_are_kept()
    {
        var resolution = PoetryLockReader.Read($$"""
            [[package]]
            name = "Pillow"
            version = "10.0.0"
            description = ""
            optional = false
            python-versions = ">=3.8"
            files = [
                {file = "Pillow-10.0.0.tar.gz", hash = "{{Sha("a")}}"},
                {file = "Pillow-10.0.0-cp311-cp311-manylinux_2_28_x86_64.whl", hash = "{{Sha("b")}}"},
                {file = "Pillow-10.0.0-cp311-cp311-macosx_11_0_arm64.whl", hash = "{{Sha("c")}}"},
                {file = "Pillow-10.0.0-cp311-cp311-win_amd64.whl", hash = "{{Sha("d")}}"},
                {file = "Pillow-10.0.0-cp312-cp312-manylinux_2_28_x86_64.whl", hash = "{{Sha("e")}}"},
                {file = "Pillow-10.0.0-py3.11.egg", hash = "{{Sha("f")}}"},
                {file = "Pillow-10.0.0-py3-none-any.whl", hash = "md5:0123456789abcdef0123456789abcdef"},
            ]
            {{Metadata("2.0")}}
            """).ToResolution(Python311);

        var pillow = Assert.Single(resolution.Packages);
        Assert.Equal(
            [
                ("Pillow-10.0.0.tar.gz", "https://files.pythonhosted.org/packages/source/P/Pillow/Pillow-10.0.0.tar.gz", Sha("a")),
                ("Pillow-10.0.0-cp311-cp311-manylinux_2_28_x86_64.whl", "https://files.pythonhosted.org/packages/cp311/P/Pillow/Pillow-10.0.0-cp311-cp311-manylinux_2_28_x86_64.whl", Sha("b")),
                ("Pillow-10.0.0-cp311-cp311-macosx_11_0_arm64.whl", "https://files.pythonhosted.org/packages/cp311/P/Pillow/Pillow-10.0.0-cp311-cp311-macosx_11_0_arm64.whl", Sha("c")),
            ],
            pillow.Files.Select(f => (f.Filename, f.Url, f.Sha256.ToPrefixedHex())));
        Assert.Contains(resolution.Notes, note => note.Contains("Pillow-10.0.0-py3-none-any.whl has no sha256 hash", StringComparison.Ordinal));
    }

    [Fact]
    public void Extras_activate_optional_dependencies_where_they_are_requested()
    {
        var lockText = $$"""
            {{Package("requests", "2.31.0", "requests-2.31.0-py3-none-any.whl")}}
            [package.dependencies]
            idna = ">=2.5,<4"
            PySocks = {version = ">=1.5.6,!=1.5.7", optional = true, markers = "extra == \"socks\""}
            chardet = {version = ">=3.0.2,<6", optional = true}

            [package.extras]
            socks = ["PySocks (>=1.5.6,!=1.5.7)"]
            use-chardet-on-py3 = ["chardet (>=3.0.2,<6)"]

            {{Package("idna", "3.4", "idna-3.4-py3-none-any.whl")}}
            {{Package("pysocks", "1.7.1", "PySocks-1.7.1-py3-none-any.whl")}}
            {{Package("chardet", "5.2.0", "chardet-5.2.0-py3-none-any.whl")}}
            {{Metadata("2.0")}}
            """;
        var lockFile = PoetryLockReader.Read(lockText);
        var withSocks = PyprojectReader.Read("""
            [tool.poetry.dependencies]
            python = "^3.8"
            requests = {version = "^2.31", extras = ["socks"]}
            """);
        var plain = PyprojectReader.Read("""
            [tool.poetry.dependencies]
            requests = "^2.31"
            """);

        var resolution = lockFile.ToResolution(Python311, project: withSocks);
        var without = lockFile.ToResolution(Python311, project: plain);

        Assert.Equal(["idna", "pysocks", "requests"], resolution.Packages.Select(p => p.Name.Value));
        var requests = Find(resolution, "requests");
        var socks = Assert.Single(requests.OptionalDependencies);
        Assert.Equal("socks", socks.Key.Value);
        Assert.Equal(("pysocks", SystemSet.All), (Assert.Single(socks.Value).Name.Value, socks.Value[0].Systems));
        Assert.Equal(["idna"], requests.Dependencies.Select(d => d.Name.Value));
        var root = Assert.Single(resolution.Roots);
        Assert.Equal(["socks"], root.Extras.Select(e => e.Value));
        Assert.Equal(["idna", "requests"], without.Packages.Select(p => p.Name.Value));
        Assert.Empty(Find(without, "requests").OptionalDependencies);
    }

    [Theory]
    [InlineData("3.9", "1.26.20")]
    [InlineData("3.11", "2.2.3")]
    public void Several_locked_versions_are_narrowed_per_target_as_poetry_installs_them(string python, string urllib3)
    {
        var lockFile = PoetryLockReader.Read($$"""
            {{Package("botocore", "1.35.0", "botocore-1.35.0-py3-none-any.whl")}}
            [package.dependencies]
            urllib3 = [
                {version = ">=1.25.4,<1.27", markers = "python_version < \"3.10\""},
                {version = ">=1.25.4,<2.2.0 || >2.2.0,<3", markers = "python_version >= \"3.10\""},
            ]

            {{Package("requests", "2.32.3", "requests-2.32.3-py3-none-any.whl")}}
            [package.dependencies]
            urllib3 = ">=1.21.1,<3"

            {{Package("urllib3", "1.26.20", "urllib3-1.26.20-py2.py3-none-any.whl")}}
            {{Package("urllib3", "2.2.3", "urllib3-2.2.3-py3-none-any.whl")}}
            {{Metadata("2.0")}}
            """);

        var resolution = lockFile.ToResolution(new ResolutionTarget(PythonTarget.Parse(python), SystemSet.All));

        var chosen = Assert.Single(resolution.Packages, p => p.Name.Value == "urllib3");
        Assert.Equal(urllib3, chosen.Version.ToString());
        Assert.Equal(SystemSet.All, chosen.Systems);
        Assert.DoesNotContain(resolution.Notes, note => note.Contains("urllib3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_version_that_would_break_another_dependency_is_passed_over()
    {
        // types-requests 2.32 needs urllib3 >= 2, which botocore forbids on Python 3.9: 2.31 is used there.
        var lockFile = PoetryLockReader.Read($$"""
            {{Package("botocore", "1.35.0", "botocore-1.35.0-py3-none-any.whl")}}
            [package.dependencies]
            urllib3 = [
                {version = ">=1.25.4,<1.27", markers = "python_version < \"3.10\""},
                {version = ">=1.25.4,<3", markers = "python_version >= \"3.10\""},
            ]

            {{Package("types-requests", "2.31.0.6", "types_requests-2.31.0.6-py3-none-any.whl")}}
            [package.dependencies]
            types-urllib3 = "*"

            {{Package("types-requests", "2.32.0.20241016", "types_requests-2.32.0.20241016-py3-none-any.whl")}}
            [package.dependencies]
            urllib3 = ">=2"

            {{Package("types-urllib3", "1.26.25.14", "types_urllib3-1.26.25.14-py3-none-any.whl")}}
            {{Package("urllib3", "1.26.20", "urllib3-1.26.20-py2.py3-none-any.whl")}}
            {{Package("urllib3", "2.2.3", "urllib3-2.2.3-py3-none-any.whl")}}
            {{Metadata("2.0")}}
            """);
        var project = PyprojectReader.Read("""
            [tool.poetry.dependencies]
            botocore = "*"
            types-requests = "^2.31.0"
            """);

        var old = lockFile.ToResolution(new ResolutionTarget(PythonTarget.Parse("3.9"), SystemSet.All), project: project);
        var current = lockFile.ToResolution(Python311, project: project);

        Assert.Equal(
            ["botocore 1.35.0", "types-requests 2.31.0.6", "types-urllib3 1.26.25.14", "urllib3 1.26.20"],
            old.Packages.Select(p => $"{p.Name} {p.Version}"));
        Assert.Equal(
            ["botocore 1.35.0", "types-requests 2.32.0.20241016", "urllib3 2.2.3"],
            current.Packages.Select(p => $"{p.Name} {p.Version}"));
    }

    [Fact]
    public void A_name_locked_per_system_gets_one_package_per_version_with_disjoint_systems()
    {
        var resolution = PoetryLockReader.Read($$"""
            {{Package("app", "1.0", "app-1.0-py3-none-any.whl", markers: null)}}
            [package.dependencies]
            numpy = [
                {version = "1.26.4", markers = "sys_platform == \"darwin\""},
                {version = "2.0.0", markers = "sys_platform == \"linux\""},
            ]

            {{Package("numpy", "1.26.4", "numpy-1.26.4.tar.gz", markers: "sys_platform == \\\"darwin\\\"")}}
            {{Package("numpy", "2.0.0", "numpy-2.0.0.tar.gz", markers: "sys_platform == \\\"linux\\\"")}}
            {{Metadata("2.1")}}
            """).ToResolution(Python311);

        var numpy = resolution.Packages.Where(p => p.Name.Value == "numpy").ToList();
        Assert.Equal([("1.26.4", Darwin), ("2.0.0", Linux)], numpy.Select(p => (p.Version.ToString(), p.Systems)));
        Assert.Contains(resolution.Notes, note => note.StartsWith("numpy has a version per system", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_index_sources_become_direct_sources_without_credentials()
    {
        var resolution = PoetryLockReader.Read($$"""
            [[package]]
            name = "from-git"
            version = "0.1.0"
            description = ""
            optional = false
            python-versions = "*"
            develop = false
            files = []

            [package.source]
            type = "git"
            url = "https://user:token@github.com/org/repo.git"
            reference = "main"
            resolved_reference = "8d6bb007a4de046c4d338f4b79b40c9fcbf73ab7"
            subdirectory = "python"

            [[package]]
            name = "local"
            version = "0.2.0"
            description = ""
            optional = false
            python-versions = "*"
            develop = true
            files = []

            [package.source]
            type = "directory"
            url = "../local"

            [[package]]
            name = "from-url"
            version = "0.3.0"
            description = ""
            optional = false
            python-versions = "*"
            files = [{file = "from_url-0.3.0-py3-none-any.whl", hash = "{{Sha("u")}}"}]

            [package.source]
            type = "url"
            url = "https://example.com/from_url-0.3.0-py3-none-any.whl"

            [[package]]
            name = "wheel-file"
            version = "0.4.0"
            description = ""
            optional = false
            python-versions = "*"
            files = [{file = "wheel_file-0.4.0-py3-none-any.whl", hash = "{{Sha("f")}}"}]

            [package.source]
            type = "file"
            url = "dist/wheel_file-0.4.0-py3-none-any.whl"

            [[package]]
            name = "private"
            version = "1.0"
            description = ""
            optional = false
            python-versions = "*"
            files = [{file = "private-1.0.tar.gz", hash = "{{Sha("p")}}"}]

            [package.source]
            type = "legacy"
            url = "https://me:secret@pypi.example.com/simple"
            reference = "company"

            {{Metadata("2.0")}}
            """).ToResolution(Python311);

        var git = Assert.IsType<VcsSource>(Find(resolution, "from-git").Source);
        Assert.Equal((VcsKind.Git, "https://github.com/org/repo.git", "8d6bb007a4de046c4d338f4b79b40c9fcbf73ab7", "python"), (git.Kind, git.Url, git.Revision, git.Subdirectory));
        var local = Assert.IsType<LocalPathSource>(Find(resolution, "local").Source);
        Assert.Equal(("../local", true), (local.Path, local.Editable));
        var archive = Assert.IsType<ArchiveSource>(Find(resolution, "from-url").Source);
        Assert.Equal(("https://example.com/from_url-0.3.0-py3-none-any.whl", Sha("u")), (archive.Url, archive.Sha256!.Value.ToPrefixedHex()));
        Assert.Empty(Find(resolution, "from-url").Files);
        var file = Assert.IsType<LocalPathSource>(Find(resolution, "wheel-file").Source);
        Assert.Equal(("dist/wheel_file-0.4.0-py3-none-any.whl", false), (file.Path, file.Editable));
        Assert.Empty(Find(resolution, "wheel-file").Files);
        var privateFile = Assert.Single(Find(resolution, "private").Files);
        Assert.Equal(("https://pypi.example.com/simple/private/", Sha("p")), (privateFile.Url, privateFile.Sha256.ToPrefixedHex()));
        Assert.Contains(resolution.Notes, note => note.Contains("index https://pypi.example.com/simple", StringComparison.Ordinal));
        Assert.DoesNotContain(resolution.Notes, note => note.Contains("secret", StringComparison.Ordinal) || note.Contains("token", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_pyproject_the_roots_are_the_unrequired_packages_of_the_selected_groups()
    {
        var lockFile = PoetryLockReader.Read($$"""
            {{Package("flask", "3.0.0", "flask-3.0.0-py3-none-any.whl", groups: "main")}}
            [package.dependencies]
            click = ">=8"

            {{Package("click", "8.1.7", "click-8.1.7-py3-none-any.whl", groups: "main")}}
            {{Package("pytest", "8.0.0", "pytest-8.0.0-py3-none-any.whl", groups: "dev")}}
            [package.dependencies]
            pluggy = ">=1"

            {{Package("pluggy", "1.4.0", "pluggy-1.4.0-py3-none-any.whl", groups: "dev")}}
            {{Package("a-cycle", "1.0", "a_cycle-1.0.tar.gz", groups: "main")}}
            [package.dependencies]
            b-cycle = "*"

            {{Package("b-cycle", "1.0", "b_cycle-1.0.tar.gz", groups: "main")}}
            [package.dependencies]
            a-cycle = "*"

            {{Metadata("2.1")}}
            """);

        var all = lockFile.ToResolution(Python311);
        var main = lockFile.ToResolution(Python311, DependencySelection.MainOnly);

        Assert.Equal(["a-cycle", "flask", "pytest"], all.Roots.Select(r => r.Name.Value).Order());
        Assert.Equal(["a-cycle", "b-cycle", "click", "flask", "pluggy", "pytest"], all.Packages.Select(p => p.Name.Value));
        Assert.Equal(["a-cycle", "b-cycle", "click", "flask"], main.Packages.Select(p => p.Name.Value));
        Assert.Contains(all.Notes, note => note.StartsWith("no pyproject.toml was given", StringComparison.Ordinal));
    }

    [Fact]
    public void Older_locks_select_by_category()
    {
        var lockFile = PoetryLockReader.Read($$"""
            [[package]]
            name = "six"
            version = "1.16.0"
            description = ""
            category = "main"
            optional = false
            python-versions = "*"

            [[package]]
            name = "mock"
            version = "5.0.0"
            description = ""
            category = "dev"
            optional = false
            python-versions = "*"

            [metadata]
            lock-version = "1.1"
            python-versions = "*"
            content-hash = "x"

            [metadata.files]
            six = [{file = "six-1.16.0-py2.py3-none-any.whl", hash = "{{Sha("s")}}"}]
            mock = [{file = "mock-5.0.0-py3-none-any.whl", hash = "{{Sha("m")}}"}]
            """);

        Assert.Equal(["mock", "six"], lockFile.ToResolution(Python311).Packages.Select(p => p.Name.Value));
        var main = lockFile.ToResolution(Python311, DependencySelection.MainOnly);
        Assert.Equal(Sha("s"), Assert.Single(Assert.Single(main.Packages).Files).Sha256.ToPrefixedHex());
    }

    [Fact]
    public void Dependencies_missing_from_the_lock_are_noted_where_they_apply()
    {
        var resolution = PoetryLockReader.Read($$"""
            {{Package("app", "1.0", "app-1.0-py3-none-any.whl")}}
            [package.dependencies]
            gone = "*"
            windows-only = {version = "*", markers = "sys_platform == \"win32\""}
            {{Metadata("2.0")}}
            """).ToResolution(Python311);

        var note = Assert.Single(resolution.Notes, note => note.Contains("has no package of that name", StringComparison.Ordinal));
        Assert.StartsWith("poetry.lock:", note, StringComparison.Ordinal);
        Assert.Contains("app 1.0 needs gone", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_constraints_the_target_does_not_meet_are_noted()
    {
        var resolution = PoetryLockReader.Read($$"""
            {{Package("old", "1.0", "old-1.0.tar.gz", python: "<3.8")}}
            [metadata]
            lock-version = "2.0"
            python-versions = "~3.7"
            content-hash = "x"
            """).ToResolution(Python311);

        Assert.Contains("the project asks for Python ~3.7, which does not include the target Python 3.11.0", resolution.Notes);
        Assert.Contains(resolution.Notes, note => note.StartsWith("old 1.0 declares python-versions '<3.8'", StringComparison.Ordinal));
        Assert.Equal("<3.8", Assert.Single(resolution.Packages).RequiresPython);
    }

    private static ResolvedPackage Find(Resolution resolution, string name) =>
        resolution.Packages.Single(p => p.Name == PackageName.Parse(name));

    private static string Sha(string seed) => Sha256Digest.Compute(System.Text.Encoding.UTF8.GetBytes(seed)).ToPrefixedHex();

    private static string Package(string name, string version, string file, string? groups = null, string? markers = null, string python = "*") =>
        $$"""
        [[package]]
        name = "{{name}}"
        version = "{{version}}"
        description = ""
        optional = false
        python-versions = "{{python}}"
        {{(groups is null ? "" : $"groups = [\"{groups}\"]")}}
        {{(markers is null ? "" : $"markers = \"{markers}\"")}}
        files = [{file = "{{file}}", hash = "{{Sha(file)}}"}]

        """;

    private static string Metadata(string lockVersion) =>
        $$"""
        [metadata]
        lock-version = "{{lockVersion}}"
        python-versions = "^3.8"
        content-hash = "0000"
        """;
}
