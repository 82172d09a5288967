using BenchmarkDotNet.Running;
using Req2Nix.Benchmarks;
using Req2Nix.Benchmarks.Pep440;
using Req2Nix.Benchmarks.Pep508;
using Req2Nix.Benchmarks.Resolver;

if (Pep440QuickTiming.TryRun(args) || Pep508QuickTiming.TryRun(args) || HashQuickTiming.TryRun(args)
    || DownloadQuickTiming.TryRun(args) || ResolveOnce.TryRun(args) || ResolverSideBySide.TryRun(args)
    || ResolverCpuTiming.TryRun(args))
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
