using System.Runtime.InteropServices;

namespace Req2Nix.Cli;

internal static class Program
{
    /// <summary>
    /// How much a run may allocate before its first collection. A warm run of 166 packages allocates
    /// about 32 MB, nearly all of it alive until the output is written (the listings the solver reads),
    /// so the one gen0 collection the default budget (about 22 MB here) brings copies that to gen1 for
    /// 25-30 ms and frees nothing. Past this size, collections happen as usual.
    /// </summary>
    private const long AllocationsBeforeFirstCollection = 64L * 1024 * 1024;

    private static async Task<int> Main(string[] args)
    {
        try
        {
            GC.TryStartNoGCRegion(AllocationsBeforeFirstCollection);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A heap configured smaller than that (DOTNET_GCHeapHardLimit): collect as usual.
        }
        HeapHugePages.Advise();
        StartupWarmUp.Start(args);
        using var cancellation = new CancellationTokenSource();
        // Not Console.CancelKeyPress: that sets up the terminal (about 10 ms of a warm run) to catch one signal.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            cancellation.Cancel();
        });
        return await CliApplication.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
    }
}
