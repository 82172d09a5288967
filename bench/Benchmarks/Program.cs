using BenchmarkDotNet.Running;
using Req2Nix.Benchmarks.Pep508;

if (Pep508QuickTiming.TryRun(args))
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
