using System.Runtime.InteropServices;

namespace Req2Nix.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
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
