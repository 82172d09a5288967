using Req2Nix.Inputs.Requirements;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>The conversion of a read requirements file into the resolver's <see cref="Manifest"/>.</summary>
public sealed class RequirementsManifestTests
{
    private const string Sha256A = "539cc1d13202e33ca466e88b2807e29f4c13049d6d87031a3c110744495cb082";

    private static Manifest ManifestOf(string text) => RequirementsTestFiles.Read(text).ToManifest();

    private static Manifest ManifestOf(InMemoryFileSystem files) => RequirementsTestFiles.Read(files).ToManifest();

    private static RequirementsFileException Refused(string text) =>
        Assert.Throws<RequirementsFileException>(() => ManifestOf(text));

    [Fact]
    public void Requirements_and_constraints_keep_their_origin()
    {
        var files = new InMemoryFileSystem()
            .Add("requirements.txt", "-c constraints.txt\nrequests[socks]>=2 ; python_version >= '3.8'\n")
            .Add("constraints.txt", "\nrequests==2.31.0\n");

        var manifest = ManifestOf(files);

        var requirement = Assert.Single(manifest.Requirements);
        Assert.Equal("requests[socks]>=2; python_version >= \"3.8\"", requirement.Requirement.ToString());
        Assert.Equal(new SourceLocation("requirements.txt", 2, 1), requirement.Origin);
        var constraint = Assert.Single(manifest.Constraints);
        Assert.Equal("requests==2.31.0", constraint.Requirement.ToString());
        Assert.Equal(new SourceLocation("constraints.txt", 2, 1), constraint.Origin);
    }

    [Theory]
    [InlineData("-e ./pkg", "constraints.txt:1:4: editable requirements are not allowed as constraints")]
    [InlineData("https://h.example/x.tar.gz", "constraints.txt:1:1: unnamed requirements are not allowed as constraints")]
    public void Constraints_must_be_named_and_not_editable_as_pip_demands(string constraint, string message)
    {
        var files = new InMemoryFileSystem()
            .Add("pkg/pyproject.toml", "[project]\nname = 'pkg'\n")
            .Add("requirements.txt", "-c constraints.txt\n")
            .Add("constraints.txt", constraint);

        var error = Assert.Throws<RequirementsFileException>(() => ManifestOf(files));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Hashes_become_pins()
    {
        var manifest = ManifestOf($"six==1.16.0 --hash=sha256:{Sha256A} --hash=sha512:{new string('0', 128)}\n");

        var requirement = Assert.Single(manifest.Requirements);
        Assert.Equal([new HashPin("sha256", Sha256A), new HashPin("sha512", new string('0', 128))], requirement.Hashes);
        Assert.Equal(Sha256Digest.FromHex(Sha256A), requirement.Hashes[0].Sha256);
    }

    [Theory]
    [InlineData("six \\\n    --hash=sha256:abc", "requirements.txt:2:5: the sha256 digest 'abc' is not 64 lower-case hex digits, so no file could match it")]
    [InlineData("six --hash=sha256:539CC1D13202E33CA466E88B2807E29F4C13049D6D87031A3C110744495CB082", "requirements.txt:1:5: the sha256 digest '539CC1D13202E33CA466E88B2807E29F4C13049D6D87031A3C110744495CB082' is not 64 lower-case hex digits, so no file could match it")]
    public void A_digest_that_could_never_match_is_an_error_at_it(string text, string message)
    {
        Assert.Equal(message, Refused(text).Message);
    }

    [Fact]
    public void Index_options_apply_in_order_as_pip_applies_them()
    {
        var manifest = ManifestOf(
            "--extra-index-url https://dropped.example/simple\n-i https://user:pw@primary.example/simple\n--extra-index-url https://extra.example/simple\n" +
            "--trusted-host extra.example\n--pre\n--prefer-binary\n-f https://links.example/\nsix\n");

        var index = manifest.Index;
        Assert.Equal(new Uri("https://user:pw@primary.example/simple"), index.IndexUrl);
        Assert.Equal([new Uri("https://extra.example/simple")], index.ExtraIndexUrls);
        Assert.False(index.NoIndex);
        Assert.Equal(["extra.example"], index.TrustedHosts);
        Assert.Equal(["https://links.example/"], index.FindLinks);
        Assert.True(index.AllowPreReleases);
        Assert.True(index.PreferBinary);
    }

    [Fact]
    public void No_index_drops_every_index_for_good()
    {
        var manifest = ManifestOf("--extra-index-url https://a.example/simple\n--no-index\n-i https://b.example/simple\n--extra-index-url https://c.example/simple\n");

        Assert.True(manifest.Index.NoIndex);
        Assert.Empty(manifest.Index.ExtraIndexUrls);
        Assert.Equal(IndexSettings.PyPISimpleUrl, manifest.Index.IndexUrl);
    }

    [Fact]
    public void Without_index_options_pypi_is_the_index()
    {
        var index = ManifestOf("six\n").Index;

        Assert.Equal(IndexSettings.PyPISimpleUrl, index.IndexUrl);
        Assert.Empty(index.ExtraIndexUrls);
        Assert.False(index.NoIndex || index.AllowPreReleases || index.PreferBinary);
        Assert.Empty(index.FindLinks);
        Assert.Empty(index.Formats.NoBinary);
        Assert.Empty(index.Formats.OnlyBinary);
    }

    [Fact]
    public void Find_links_are_taken_beside_the_requirements_file_when_there()
    {
        var files = new InMemoryFileSystem()
            .AddDirectory("reqs/wheels")
            .Add("requirements.txt", "-r reqs/more.txt\n-f ./elsewhere\n")
            .Add("reqs/more.txt", "-f wheels\n");

        var manifest = ManifestOf(files);

        Assert.Equal(["/project/reqs/wheels", "./elsewhere"], manifest.Index.FindLinks);
    }

    [Fact]
    public void Format_control_from_every_line_accumulates()
    {
        var manifest = ManifestOf("--no-binary :all:\n--only-binary numpy\nsix --no-binary Lxml\n");

        var formats = manifest.Index.Formats;
        Assert.Equal([":all:", "lxml"], formats.NoBinary.Order(StringComparer.Ordinal));
        Assert.Equal(["numpy"], formats.OnlyBinary);
    }

    [Fact]
    public void Direct_sources_lose_credentials_and_fragments()
    {
        var manifest = ManifestOf(
            "pkg @ https://alice:s3cr3t@files.example/pkg-1.0.tar.gz?x=1#sha256=" + Sha256A + "&subdirectory=py\n" +
            "git+https://token@github.com/o/r.git@v1.2#egg=r&subdirectory=python/r\n" +
            "private @ git+ssh://git:pw@github.com/o/private.git@abc123\n" +
            "hg+https://hg.example/repo#egg=hgpkg\n");

        var sources = manifest.Requirements.Select(requirement => requirement.Source).ToArray();
        var archive = Assert.IsType<ArchiveSource>(sources[0]);
        Assert.Equal("https://files.example/pkg-1.0.tar.gz?x=1", archive.Url);
        Assert.Equal(Sha256Digest.FromHex(Sha256A), archive.Sha256);
        Assert.Equal("py", archive.Subdirectory);
        Assert.Equal(new VcsSource(VcsKind.Git, "https://github.com/o/r.git") { Revision = "v1.2", Subdirectory = "python/r" }, sources[1]);
        Assert.Equal(new VcsSource(VcsKind.Git, "ssh://git@github.com/o/private.git") { Revision = "abc123" }, sources[2]);
        Assert.Equal(new VcsSource(VcsKind.Mercurial, "https://hg.example/repo"), sources[3]);
        var shown = string.Join("\n", manifest.Requirements.Select(requirement => requirement.ToString()));
        Assert.DoesNotContain("s3cr3t", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("token", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw", shown, StringComparison.Ordinal);
        Assert.All(manifest.Requirements, requirement => Assert.Null(requirement.Requirement.Url));
    }

    [Theory]
    [InlineData("svn+https://svn.example/repo/trunk@1234#egg=svnpkg", VcsKind.Subversion, "https://svn.example/repo/trunk", "1234")]
    [InlineData("svn+ssh://user@svn.example/repo#egg=svnpkg", VcsKind.Subversion, "ssh://user@svn.example/repo", null)]
    [InlineData("-e svn+svn://svn.example/repo#egg=svnpkg", VcsKind.Subversion, "svn://svn.example/repo", null)]
    [InlineData("bzr+https://bzr.example/proj@42#egg=bzrpkg", VcsKind.Bazaar, "https://bzr.example/proj", "42")]
    [InlineData("bzr+lp:proj#egg=bzrpkg", VcsKind.Bazaar, "lp:proj", null)]
    [InlineData("hg+ssh://hg@hg.example/repo@tip#egg=hgpkg", VcsKind.Mercurial, "ssh://hg@hg.example/repo", "tip")]
    [InlineData("-e hg+file:///srv/hg/repo#egg=hgpkg", VcsKind.Mercurial, "file:///srv/hg/repo", null)]
    public void Vcs_urls_of_every_kind_pip_knows_become_vcs_sources(string line, VcsKind kind, string url, string? revision)
    {
        var requirement = Assert.Single(ManifestOf(line + "\n").Requirements);

        Assert.Equal(new VcsSource(kind, url) { Revision = revision }, requirement.Source);
    }

    [Fact]
    public void Credentials_never_reach_errors()
    {
        var error = Refused("git+https://alice:s3cr3t@github.com/o/r.git@#egg=r\n");

        Assert.Equal("requirements.txt:1:1: the URL 'git+https://alice:****@github.com/o/r.git@#egg=r' has an empty revision after '@'; give a revision or remove the '@'", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_from_the_environment_never_reach_errors_or_warnings()
    {
        var environment = new Dictionary<string, string> { ["TOKEN"] = "s3cr3t" };
        var read = RequirementsTestFiles.Read("https://me:${TOKEN}@h.example/dist/absent-1.0.tar.gz --pre\n", environment);

        var error = Assert.Throws<RequirementsFileException>(() => RequirementsTestFiles.Read("x @ https://me:${TOKEN}@h.example/a b\n", environment).ToManifest());

        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://me:****@h.example/a", error.Message, StringComparison.Ordinal);
        Assert.All(read.Warnings, warning => Assert.DoesNotContain("s3cr3t", warning.ToString(), StringComparison.Ordinal));
    }

    /// <summary>pip takes such paths relative to the working directory; the manifest keeps them relative to the file's directory.</summary>
    [Fact]
    public void Local_projects_are_named_from_pyproject_and_kept_relative_to_the_file()
    {
        var files = new InMemoryFileSystem()
            .Add("app/pyproject.toml", "[project]\nname = \"my-app\"\nversion = \"1\"\n")
            .Add("app/requirements/dev.txt", "-e ./app[test]\n./dist/tool-2.0.tar.gz\n/opt/wheels/abs-1.0-py3-none-any.whl\nlib @ file:///opt/src/lib\n");

        var manifest = RequirementsFile.Read("app/requirements/dev.txt", files.Options()).ToManifest();

        var requirements = manifest.Requirements;
        Assert.Equal("my-app[test]", requirements[0].Requirement.ToString());
        Assert.Equal(new LocalPathSource("..") { Editable = true }, requirements[0].Source);
        Assert.True(requirements[0].Editable);
        Assert.Equal("tool", requirements[1].Requirement.Name);
        Assert.Equal(new LocalPathSource("../../dist/tool-2.0.tar.gz"), requirements[1].Source);
        Assert.Equal("abs==1.0", requirements[2].Requirement.ToString());
        Assert.Equal(new LocalPathSource("/opt/wheels/abs-1.0-py3-none-any.whl"), requirements[2].Source);
        Assert.Equal(new LocalPathSource("/opt/src/lib"), requirements[3].Source);
    }

    [Fact]
    public void An_unnamed_archive_url_is_named_by_its_file_name()
    {
        var requirement = Assert.Single(ManifestOf("https://h.example/files/backports-zoneinfo-0.2.1.tar.gz\n").Requirements);

        Assert.Equal("backports-zoneinfo", requirement.Requirement.Name);
        Assert.Equal(new ArchiveSource("https://h.example/files/backports-zoneinfo-0.2.1.tar.gz"), requirement.Source);
    }

    [Theory]
    [InlineData("git+https://github.com/celery/kombu.git", "requirements.txt:1:1: cannot tell the project name of 'git+https://github.com/celery/kombu.git': add #egg=<name> to the URL or write '<name> @ <url>'")]
    [InlineData("https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip", "requirements.txt:1:1: cannot tell the project name of 'https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip': its file name does not say it; write '<name> @ <url>'")]
    [InlineData("-e ./setup-only", "requirements.txt:1:4: cannot tell the project name of './setup-only': it has no pyproject.toml to read a [project] name from")]
    [InlineData("-e ./dynamic", "requirements.txt:1:4: cannot tell the project name of './dynamic': its pyproject.toml has no valid static [project] name")]
    [InlineData("six\ngood-pkg==1.0 bad-pkg==2.0", "requirements.txt:2:15: invalid requirement 'good-pkg==1.0 bad-pkg==2.0': expected ',' or ';' after 'good-pkg==1.0', found 'b'")]
    public void Requirements_that_cannot_be_resolved_are_errors_at_their_line(string text, string message)
    {
        var files = new InMemoryFileSystem()
            .Add("setup-only/setup.py", string.Empty)
            .Add("dynamic/pyproject.toml", "[project]\ndynamic = ['name']\n")
            .Add("requirements.txt", text);

        var error = Assert.Throws<RequirementsFileException>(() => ManifestOf(files));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Wheel_urls_pin_the_version_from_the_file_name()
    {
        var requirement = Assert.Single(ManifestOf("https://h.example/Foo_Bar-1.0-py3-none-any.whl ; sys_platform == 'linux'\n").Requirements);

        Assert.Equal("Foo-Bar==1.0; sys_platform == \"linux\"", requirement.Requirement.ToString());
        Assert.Equal(new ArchiveSource("https://h.example/Foo_Bar-1.0-py3-none-any.whl"), requirement.Source);
    }
}
