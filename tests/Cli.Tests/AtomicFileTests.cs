using Req2Nix.Cli;

namespace Req2Nix.Cli.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("req2nix-atomic-");

    private string Target => Path.Combine(_directory.FullName, "python-packages.nix");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Replaces_the_file_and_leaves_no_temporary_behind()
    {
        File.WriteAllText(Target, "old");

        AtomicFile.Write(Target, "new"u8);

        Assert.Equal("new", File.ReadAllText(Target));
        Assert.Single(Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file()
    {
        var target = Path.Combine(_directory.FullName, "missing-folder", "python-packages.nix");

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(target, "new"u8));
        Assert.Empty(Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public void A_file_that_holds_the_bytes_already_is_left_as_it_is()
    {
        File.WriteAllText(Target, "same");
        File.SetLastWriteTimeUtc(Target, LongAgo);

        AtomicFile.Write(Target, "same"u8);

        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Target));
        Assert.Equal("same", File.ReadAllText(Target));
    }

    [Theory]
    [InlineData("longer than the new")]
    [InlineData("sane")]
    [InlineData("")]
    public void A_file_that_differs_in_length_or_in_a_byte_is_replaced(string old)
    {
        File.WriteAllText(Target, old);
        File.SetLastWriteTimeUtc(Target, LongAgo);

        AtomicFile.Write(Target, "same"u8);

        Assert.Equal("same", File.ReadAllText(Target));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(Target));
    }
}
