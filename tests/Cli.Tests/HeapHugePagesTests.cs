namespace Req2Nix.Cli.Tests;

public sealed class HeapHugePagesTests
{
    [Fact]
    public void On_linux_the_heap_mapping_is_advised_for_huge_pages()
    {
        var start = HeapHugePages.Advise();

        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(start);
            return;
        }
        Assert.NotNull(start);
        // /proc/self/smaps: a mapping's "from-to" line, then its fields; VmFlags "hg" is MADV_HUGEPAGE.
        var inMapping = false;
        string? flags = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var from = Convert.ToInt64(line[..dash], 16);
                var to = Convert.ToInt64(line[(dash + 1)..space], 16);
                inMapping = from <= start.Value && start.Value < to;
            }
            else if (inMapping && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                flags = line;
                break;
            }
        }
        Assert.NotNull(flags);
        Assert.Contains(" hg", flags, StringComparison.Ordinal);
    }
}
