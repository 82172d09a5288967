using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>The poetry.lock model: every generation's layout, the dependency forms, and positioned errors.</summary>
public sealed class PoetryLockReaderTests
{
    private const string Hash = "sha256:0000000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public void Older_locks_take_files_from_metadata_files_by_normalized_name()
    {
        var lockFile = PoetryLockReader.Read($$"""
            [[package]]
            name = "Flask"
            version = "2.0.0"
            description = ""
            category = "main"
            optional = false
            python-versions = ">=3.6"

            [[package]]
            name = "zope.interface"
            version = "5.0"
            description = ""
            category = "dev"
            optional = false
            python-versions = "*"

            [[package]]
            name = "zope.interface"
            version = "6.0"
            description = ""
            category = "dev"
            optional = false
            python-versions = "*"

            [metadata]
            lock-version = "1.1"
            python-versions = "^3.8"
            content-hash = "abc"

            [metadata.files]
            flask = [
                {file = "Flask-2.0.0.tar.gz", hash = "{{Hash}}"},
            ]
            zope-interface = [
                {file = "zope.interface-5.0.tar.gz", hash = "{{Hash}}"},
            ]
            """);

        Assert.True(lockFile.Metadata.HasFilesTable);
        Assert.Equal("1.1", lockFile.Metadata.LockVersion);
        Assert.False(lockFile.HasGroupsAndMarkers);
        Assert.Equal(PoetryFilesOrigin.MetadataFiles, lockFile.Packages[0].FilesFrom);
        Assert.Equal("Flask-2.0.0.tar.gz", Assert.Single(lockFile.Packages[0].Files).File);
        Assert.Equal(PoetryFilesOrigin.MetadataFilesShared, lockFile.Packages[1].FilesFrom);
        Assert.Equal(PoetryFilesOrigin.MetadataFilesShared, lockFile.Packages[2].FilesFrom);
        Assert.Equal("dev", lockFile.Packages[1].Category);
    }

    [Fact]
    public void A_package_without_files_anywhere_has_none()
    {
        var lockFile = PoetryLockReader.Read("""
            [[package]]
            name = "a"
            version = "1"
            [metadata]
            """);

        var package = Assert.Single(lockFile.Packages);
        Assert.Empty(package.Files);
        Assert.Equal(PoetryFilesOrigin.None, package.FilesFrom);
        Assert.Null(lockFile.Metadata.LockVersion);
    }

    [Fact]
    public void Dependencies_keep_their_written_form()
    {
        var lockFile = PoetryLockReader.Read($$"""
            [[package]]
            name = "a"
            version = "1"
            description = ""
            optional = false
            python-versions = "*"
            groups = ["main", "dev"]
            markers = {main = "python_version < \"3.12\"", dev = "sys_platform == \"linux\""}
            files = []

            [package.dependencies]
            simple = "^1.0"
            table = {version = ">=2", markers = "extra == \"x\"", optional = true, extras = ["b", "a"], python = "^3.8", future = 1}
            listed = [
                {version = "<2", markers = "python_version < \"3.10\""},
                {version = ">=2", markers = "python_version >= \"3.10\""},
            ]
            gitdep = {git = "https://example.com/r.git", rev = "abc", subdirectory = "sub", develop = true}
            pathdep = {path = "../p", develop = true}

            [package.extras]
            x = ["table (>=2)"]

            [package.source]
            type = "git"
            url = "https://example.com/a.git"
            reference = "main"
            resolved_reference = "0123456789abcdef"
            subdirectory = "pkg"
            extra-key = "kept"

            [metadata]
            lock-version = "2.1"
            python-versions = "*"
            content-hash = "x"
            future-key = "y"
            """);

        var package = Assert.Single(lockFile.Packages);
        Assert.True(lockFile.HasGroupsAndMarkers);
        Assert.Equal(["future-key"], lockFile.Metadata.OtherKeys);
        Assert.Equal(["main", "dev"], package.Groups);
        Assert.Null(package.Markers!.Marker);
        Assert.Equal("sys_platform == \"linux\"", package.Markers.PerGroup![1].Value);

        var simple = package.Dependencies[0];
        Assert.False(simple.IsList);
        Assert.False(simple.Constraints[0].IsTable);
        Assert.Equal("^1.0", simple.Constraints[0].Version);

        var table = package.Dependencies[1].Constraints[0];
        Assert.True(table.IsTable);
        Assert.Equal(">=2", table.Version);
        Assert.Equal("extra == \"x\"", table.Markers);
        Assert.True(table.Optional);
        Assert.Equal(["b", "a"], table.Extras);
        Assert.Equal("^3.8", table.Python);
        Assert.Equal(["future"], table.OtherKeys);

        var listed = package.Dependencies[2];
        Assert.True(listed.IsList);
        Assert.Equal(["<2", ">=2"], listed.Constraints.Select(c => c.Version));

        var git = package.Dependencies[3].Constraints[0];
        Assert.Equal(("https://example.com/r.git", "abc", "sub", true), (git.Git, git.Rev, git.Subdirectory, git.Develop));
        Assert.Equal("../p", package.Dependencies[4].Constraints[0].Path);

        Assert.Equal(("git", "main", "0123456789abcdef", "pkg"), (package.Source!.Type, package.Source.Reference, package.Source.ResolvedReference, package.Source.Subdirectory));
        Assert.Equal(["extra-key"], package.Source.OtherKeys);
        Assert.Equal("table (>=2)", Assert.Single(Assert.Single(package.Extras).Requirements));
    }

    [Theory]
    [InlineData("999.0")]
    [InlineData("3.0")]
    [InlineData("0.9")]
    public void Unsupported_lock_versions_are_refused_at_the_value(string version)
    {
        var error = Assert.Throws<LockFileException>(() => PoetryLockReader.Read($"[metadata]\nlock-version = \"{version}\"\n"));

        Assert.Equal(new TomlPosition(2, 16, "poetry.lock"), error.Position);
        Assert.Contains($"lock-version {version} is not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("2.0")]
    [InlineData("2.1")]
    [InlineData("2.5")]
    public void Lock_versions_poetry_reads_are_read(string version) =>
        Assert.Equal(version, PoetryLockReader.Read($"[metadata]\nlock-version = \"{version}\"\n").Metadata.LockVersion);

    [Theory]
    [InlineData("[[package]]\nname = \"a\"\nversion = \"1\"\n", 1, 1, "no [metadata] table")]
    [InlineData("[metadata]\nlock-version = \"two\"\n", 2, 16, "is not a version")]
    [InlineData("[metadata]\n[[package]]\nname = 1\nversion = \"1\"\n", 3, 8, "'name'")]
    [InlineData("[metadata]\n[[package]]\nname = \"a\"\n", 2, 1, "missing required key 'version'")]
    [InlineData("[metadata]\n[[package]]\nname = \"a\"\nversion = \"1\"\nmarkers = 3\n", 5, 11, "'markers' must be a string or a table")]
    [InlineData("[metadata]\n[[package]]\nname = \"a\"\nversion = \"1\"\nfiles = [1]\n", 5, 10, "{file, hash}")]
    [InlineData("[metadata]\n[[package]]\nname = \"a\"\nversion = \"1\"\n[package.dependencies]\nb = 1\n", 6, 5, "the dependency 'b' must be")]
    [InlineData("[metadata]\n[metadata.files]\na = \"x\"\n", 3, 5, "metadata.files.a must be an array")]
    [InlineData("[metadata]\nlock-version = \"2.0\"\n[[package]\n", 3, 10, "")]
    [InlineData("[metadata]\n[[package]]\nname = \"a\"\nversion = \"1\"\n[package.source]\ntype = \"hg\"\nurl = \"https://hg.example/a\"\n", 6, 8, "the source type 'hg' is not one poetry writes")]
    [InlineData("[metadata]\n[[package]]\nname = \"a\"\nversion = \"1\"\n[package.source]\ntype = \"git\"\n", 5, 1, "the 'git' source has no 'url'")]
    public void Bad_locks_fail_with_a_positioned_LockFileException(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<LockFileException>(() => PoetryLockReader.Read(text, "my.lock"));

        Assert.Equal(new TomlPosition(line, column, "my.lock"), error.Position);
        Assert.StartsWith($"my.lock:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Toml_errors_are_wrapped_with_their_position()
    {
        var error = Assert.Throws<LockFileException>(() => PoetryLockReader.Read("[metadata\n"u8, "bad.lock"));

        var toml = Assert.IsType<TomlException>(error.InnerException);
        Assert.Equal(toml.Position, error.Position);
        Assert.Equal(toml.Message, error.Message);
    }
}
