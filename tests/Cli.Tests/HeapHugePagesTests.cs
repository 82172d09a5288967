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
        // An object allocated now lies where the advice reached (the heap's current region).
        var probe = System.Runtime.InteropServices.GCHandle.Alloc(new byte[1], System.Runtime.InteropServices.GCHandleType.Pinned);
        var address = (long)probe.AddrOfPinnedObject();
        probe.Free();
        Assert.InRange(address, (long)start.Value, (long)start.Value + (136L << 20));
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
                inMapping = from <= address && address < to;
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
