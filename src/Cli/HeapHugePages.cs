using System.Runtime.InteropServices;

namespace Req2Nix.Cli;

/// <summary>
/// Asks Linux to back the garbage-collected heap with transparent huge pages (2 MB) where its
/// setting is <c>madvise</c>, the default of most distributions. A run allocates 26 MB (warm) to 49
/// MB (cold) of fresh memory and keeps nearly all of it (<see cref="Program"/>: no collection
/// meanwhile), so the heap is touched once, page by page: 4 KB pages cost a page fault each, about
/// 6,500 of a warm run's 9,100 (each several microseconds in a virtual machine), where 2 MB pages
/// cost a few dozen (a warm run now takes 3,650 page faults in all). The runtime has no setting for
/// it (its large-page option needs a hard heap limit and reserved hugetlbfs pages), so the advice is
/// given here, for the address range the heap starts at. It changes nothing but how the kernel backs
/// that memory; where it fails (not Linux, no libc, THP off), nothing happens.
/// </summary>
internal static class HeapHugePages
{
    /// <summary>
    /// From below the region the first object lies in: the allocator takes its next regions around
    /// it, the first of them below (a warm run: 4,700 page faults advising from the object's region
    /// up, 3,650 from 8 MB, two regions, below it; no fewer from 16 or 64 MB below).
    /// </summary>
    private const long AdvisedBelow = 8L * 1024 * 1024;

    /// <summary>More than a run allocates before its first collection.</summary>
    private const long AdvisedBytes = 136L * 1024 * 1024;

    private const long HugePageBytes = 2L * 1024 * 1024;

    private const int MadviseHugePage = 14;

    /// <returns>The start of the range advised; null where nothing was.</returns>
    public static nint? Advise()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        // An object allocated now shows where the heap's regions lie: the run's next ones are around it.
        var probe = GCHandle.Alloc(new byte[1], GCHandleType.Pinned);
        var address = (long)probe.AddrOfPinnedObject();
        probe.Free();
        var start = (nint)((address & ~(HugePageBytes - 1)) - AdvisedBelow);
        try
        {
            // Parts of the range that are not mapped yet (the heap's reservation ends first under a
            // hard limit) fail with ENOMEM; the mapped parts are advised all the same.
            _ = Madvise(start, (nuint)AdvisedBytes, MadviseHugePage);
            return start;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // Blittable arguments: no marshalling code to generate (LibraryImport would need unsafe code).
    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
}
