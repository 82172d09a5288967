using BenchmarkDotNet.Running;
using Req2Nix.Benchmarks.Pep440;

if (Pep440QuickTiming.TryRun(args))
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
