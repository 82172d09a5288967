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
}
