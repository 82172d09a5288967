using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>What pip 23.2.1 builds from a requirement line: names, extras, markers, URLs, wheels, VCS and local paths.</summary>
public sealed class RequirementFormTests
{
    [Fact]
    public void A_pep508_requirement_keeps_its_name_as_written()
    {
        var entry = RequirementsTestFiles.Single("Requests [Security, SOCKS] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"");

        Assert.Equal("Requests", entry.Name);
        Assert.Equal(["security", "socks"], entry.Extras);
        Assert.Equal("==2.8.*,>=2.8.1", entry.Specifier.ToString());
        Assert.Equal("python_version < \"2.7\"", entry.Marker!.ToString());
        Assert.Null(entry.Url);
        Assert.Null(entry.LocalPath);
    }

    [Fact]
    public void A_url_requirement_keeps_its_url_and_fragment()
    {
        var entry = RequirementsTestFiles.Single("pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee ; python_version >= '3'");

        Assert.Equal("pip", entry.Name);
        Assert.Equal("https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee", entry.Url);
        Assert.Equal("python_version >= \"3\"", entry.Marker!.ToString());
    }

    [Theory]
    [InlineData("https://example.invalid/packages/Foo_Bar-1.0-py3-none-any.whl", "Foo-Bar", "==1.0")]
    [InlineData("https://example.invalid/flash_attn-2.8.3+cu128torch2.9.0cxx11abiFALSE-cp313-cp313-linux_x86_64.whl", "flash-attn", "==2.8.3+cu128torch2.9.0cxx11abiFALSE")]
    [InlineData("https://example.invalid/pkg-1.0-1-cp311-cp311-linux_x86_64.whl", "pkg", "==1.0")]
    [InlineData("https://example.invalid/%46oo-2.0-py3-none-any.whl", "Foo", "==2.0")]
    public void A_wheel_url_names_the_requirement_as_pip_reads_the_file_name(string url, string name, string specifier)
    {
        var entry = RequirementsTestFiles.Single(url);

        Assert.Equal(name, entry.Name);
        Assert.Equal(specifier, entry.Specifier.ToString());
        Assert.Equal(url, entry.Url);
    }

    [Fact]
    public void A_url_with_a_marker_needs_a_space_before_the_semicolon()
    {
        var read = RequirementsTestFiles.Read("https://h.example/a-1.0-py3-none-any.whl; sys_platform == 'linux'\nhttps://h.example/b-1.0.tar.gz;sys_platform=='linux'\n");

        var entries = read.Entries.Cast<RequirementEntry>().ToArray();
        Assert.Equal("sys_platform == \"linux\"", entries[0].Marker!.ToString());
        Assert.Null(entries[1].Marker);
        Assert.Equal("https://h.example/b-1.0.tar.gz;sys_platform=='linux'", entries[1].Url);
    }

    [Fact]
    public void An_archive_url_without_egg_is_unnamed_and_egg_names_it()
    {
        var read = RequirementsTestFiles.Read("https://h.example/unnamed-1.0.tar.gz\nhttps://h.example/x.zip#egg=Named[Extra]&subdirectory=sub\n");

        var entries = read.Entries.Cast<RequirementEntry>().ToArray();
        Assert.Null(entries[0].Name);
        Assert.Null(entries[0].Problem);
        Assert.Equal("Named", entries[1].Name);
        Assert.Equal(["extra"], entries[1].Extras);
    }

    [Fact]
    public void Vcs_urls_are_named_by_egg()
    {
        var read = RequirementsTestFiles.Read(
            "git+https://github.com/pypa/sampleproject.git@main#egg=sampleproject\nhg+https://hg.example/repo#egg=hgpkg\ngit+https://github.com/celery/kombu.git\n");

        var names = read.Entries.Cast<RequirementEntry>().Select(entry => entry.Name ?? "(unnamed)").ToArray();
        Assert.Equal(["sampleproject", "hgpkg", "(unnamed)"], names);
    }

    [Fact]
    public void Editables_are_local_directories_or_vcs_urls()
    {
        var files = new InMemoryFileSystem()
            .Add("pkg/pyproject.toml", "[project]\nname = 'pkg'\n")
            .Add("requirements.txt", "-e ./pkg[Dev]\n-e .\n--editable git+https://github.com/o/r.git@v1#egg=r\n-e git://github.com/o/s.git#egg=s\n");

        var entries = RequirementsTestFiles.Read(files).Entries.Cast<RequirementEntry>().ToArray();

        Assert.All(entries, entry => Assert.True(entry.Editable));
        Assert.Equal(("pkg", "/project/pkg"), (entries[0].LocalPath, entries[0].AbsoluteLocalPath));
        Assert.Equal(["dev"], entries[0].Extras);
        Assert.Equal(".", entries[1].LocalPath);
        Assert.Equal(("r", "git+https://github.com/o/r.git@v1#egg=r"), (entries[2].Name, entries[2].Url));
        Assert.Equal(("s", "git+git://github.com/o/s.git#egg=s"), (entries[3].Name, entries[3].Url));
    }

    [Theory]
    [InlineData("-e ./missing", "requirements.txt:1:4: './missing' is not a valid editable requirement: it is neither a local project directory nor a VCS URL (git+…, hg+…, svn+…, bzr+…)")]
    [InlineData("-e git+https://github.com/o/r.git", "requirements.txt:1:4: cannot tell the project name of 'git+https://github.com/o/r.git': add #egg=<name> to the URL")]
    [InlineData("good-pkg==1.0 bad-pkg==2.0", "requirements.txt:1:15: invalid requirement 'good-pkg==1.0 bad-pkg==2.0': expected ',' or ';' after 'good-pkg==1.0', found 'b'")]
    [InlineData("./missing-dir", "requirements.txt:1:1: invalid requirement './missing-dir': expected a project name (ASCII letters, digits, '.', '-', '_', starting with a letter or digit), found '.' (it looks like a path, but no such file or directory exists)")]
    [InlineData("foo=1.0", "requirements.txt:1:4: invalid requirement 'foo=1.0': '=' is not a version operator; write '=='")]
    [InlineData("foo==1.0-custom", "requirements.txt:1:11: invalid requirement 'foo==1.0-custom': '==1.0-custom' is not a PEP 440 version specifier; pip 23.2.1 still accepts it as a deprecated legacy version, but req2nix resolves PEP 440 versions only")]
    [InlineData("boto3[:python_version==] ==0.0.7", "requirements.txt:1:7: invalid requirement 'boto3[:python_version==] ==0.0.7': expected an extra name or ']' after the '[' at column 6, found ':'")]
    [InlineData("foo>=1,", "requirements.txt:1:1: invalid requirement 'foo>=1,': a ',' after the last version clause (pip 23.2.1 rejects it)")]
    [InlineData("fs[scandir_] <2.4.10", "requirements.txt:1:1: invalid requirement 'fs[scandir_] <2.4.10': the extra 'scandir_' ends with '_' (pip 23.2.1 rejects it: an extra ends with a letter or digit)")]
    [InlineData("fs[scandir ,scandir_]", "requirements.txt:1:1: invalid requirement 'fs[scandir ,scandir_]': the extra 'scandir_' ends with '_' (pip 23.2.1 rejects it: an extra ends with a letter or digit)")]
    [InlineData("six_ >=1", "requirements.txt:1:1: invalid requirement 'six_ >=1': the name 'six_' ends with '_' (pip 23.2.1 rejects it: a name ends with a letter or digit)")]
    [InlineData("six_ @ https://h.example/six-1.0.tar.gz", "requirements.txt:1:1: invalid requirement 'six_ @ https://h.example/six-1.0.tar.gz': the name 'six_' ends with '_' (pip 23.2.1 rejects it: a name ends with a letter or digit)")]
    [InlineData("foo @ ./local.tar.gz", "requirements.txt:1:7: invalid URL './local.tar.gz': it needs a scheme and a host")]
    [InlineData("foo @ file:relative/x.tar.gz", "requirements.txt:1:7: invalid URL 'file:relative/x.tar.gz': write a local file URL as file:///absolute/path")]
    [InlineData("https://h.example/not-a-wheel.whl", "requirements.txt:1:1: 'not-a-wheel.whl' is not a valid wheel file name")]
    [InlineData("six ; python_version >", "requirements.txt:1:23: invalid marker: expected a marker variable (such as python_version) or a quoted string, found the end")]
    [InlineData("./no-project", "requirements.txt:1:1: directory './no-project' is not installable: it has neither setup.py nor pyproject.toml")]
    public void Requirements_pip_cannot_build_carry_a_positioned_problem(string text, string problem)
    {
        var files = new InMemoryFileSystem().AddDirectory("no-project").Add("requirements.txt", text);

        var entry = Assert.IsType<RequirementEntry>(Assert.Single(RequirementsTestFiles.Read(files).Entries));

        Assert.Equal(problem, entry.Problem?.ToString());
        Assert.Null(entry.Requirement);
    }

    [Fact]
    public void Local_projects_and_archives_are_paths_relative_to_the_working_directory()
    {
        var files = new InMemoryFileSystem()
            .Add("src/app/setup.py", string.Empty)
            .Add("dist/present-2.0-py3-none-any.whl", "w")
            .Add("requirements.txt", "./src/app[Extra]\n./dist/present-2.0-py3-none-any.whl\n./dist/absent-1.0.tar.gz\nsomething @ https://h.example/x-1.0.tar.gz\n");

        var read = RequirementsTestFiles.Read(files);

        var entries = read.Entries.Cast<RequirementEntry>().ToArray();
        Assert.Equal(("src/app", (string?)null), (entries[0].LocalPath, entries[0].Name));
        Assert.Equal(["extra"], entries[0].Extras);
        Assert.Equal(("dist/present-2.0-py3-none-any.whl", "present", "==2.0"), (entries[1].LocalPath, entries[1].Name, entries[1].Specifier.ToString()));
        Assert.Equal("dist/absent-1.0.tar.gz", entries[2].LocalPath);
        Assert.Equal("https://h.example/x-1.0.tar.gz", entries[3].Url);
        var warning = Assert.Single(read.Warnings);
        Assert.Equal("requirements.txt:3:1: warning: './dist/absent-1.0.tar.gz' looks like a file name, but the file does not exist", warning.ToString());
    }

    [Fact]
    public void A_name_without_a_path_separator_is_a_name_even_when_a_directory_has_it()
    {
        var files = new InMemoryFileSystem().Add("six/setup.py", string.Empty).Add("requirements.txt", "six\n");

        var entry = Assert.IsType<RequirementEntry>(Assert.Single(RequirementsTestFiles.Read(files).Entries));

        Assert.Equal("six", entry.Name);
        Assert.Null(entry.LocalPath);
    }

    [Fact]
    public void Showing_an_entry_masks_credentials()
    {
        var entry = RequirementsTestFiles.Single("pkg @ https://alice:s3cr3t@h.example/pkg-1.0.tar.gz");

        Assert.Equal("requirements.txt:1:1: pkg @ https://alice:****@h.example/pkg-1.0.tar.gz", entry.ToString());
    }
}
