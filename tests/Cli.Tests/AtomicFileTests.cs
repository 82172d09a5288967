using Req2Nix.Cli;

namespace Req2Nix.Cli.Tests;

public class AtomicFileTests
{
    [Fact]
    public void Replaces_the_file_and_leaves_no_temporary_behind()
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-atomic-");
        try
        {
            var target = Path.Combine(directory.FullName, "python-packages.nix");
            File.WriteAllText(target, "old");
            AtomicFile.Write(target, "new"u8);
            Assert.Equal("new", File.ReadAllText(target));
            Assert.Single(Directory.GetFiles(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file()
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-atomic-");
        try
        {
            var target = Path.Combine(directory.FullName, "missing-folder", "python-packages.nix");
            Assert.ThrowsAny<IOException>(() => AtomicFile.Write(target, "new"u8));
            Assert.Empty(Directory.GetFiles(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_that_holds_the_bytes_already_is_left_as_it_is()
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-atomic-");
        try
        {
            var target = Path.Combine(directory.FullName, "python-packages.nix");
            File.WriteAllText(target, "same");
            var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(target, written);

            AtomicFile.Write(target, "same"u8);

            Assert.Equal(written, File.GetLastWriteTimeUtc(target));
            Assert.Equal("same", File.ReadAllText(target));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("longer than the new")]
    [InlineData("sane")]
    [InlineData("")]
    public void A_file_that_differs_in_length_or_in_a_byte_is_replaced(string old)
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-atomic-");
        try
        {
            var target = Path.Combine(directory.FullName, "python-packages.nix");
            File.WriteAllText(target, old);
            var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(target, written);

            AtomicFile.Write(target, "same"u8);

            Assert.Equal("same", File.ReadAllText(target));
            Assert.NotEqual(written, File.GetLastWriteTimeUtc(target));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
