namespace Req2Nix.Cli;

internal static class Program
{
    internal static int Main(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("req2nix: the command line arrives with the Emit and CLI issue");
        return 2;
    }
}
