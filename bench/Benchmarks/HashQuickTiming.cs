using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Req2Nix.PyPI.Hashing;

namespace Req2Nix.Benchmarks;

/// <summary>
/// <c>hash-file PATH [PASSES]</c>, for bench/hash-and-download.sh: the sha256 throughput of the
/// client's streaming hasher (reads running ahead of hashing over pooled buffers) on a file, best
/// of several passes, by wall-clock time and by the process's CPU time (what <c>openssl speed</c>
/// divides by unless given <c>-elapsed</c>), with the digest so the script can compare it with
/// openssl's and sha256sum's. <c>IncrementalHash</c> over one in-memory buffer is printed beside
/// it: what the hasher would reach if reading cost nothing.
/// </summary>
public static class HashQuickTiming
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["hash-file", var path, ..])
        {
            return false;
        }
        var passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        Run(path, passes);
        return true;
    }

    private static void Run(string path, int passes)
    {
        var length = new FileInfo(path).Length;
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        string digest = string.Empty;
        using var process = Process.GetCurrentProcess();
        for (var pass = 0; pass < passes + 1; pass++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            digest = StreamingSha256.HashFileAsync(path).GetAwaiter().GetResult().ToHex();
            var elapsed = Stopwatch.GetElapsedTime(started);
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            // The first pass warms the JIT and the page cache.
            if (pass > 0)
            {
                best = elapsed < best ? elapsed : best;
                bestCpu = used < bestCpu ? used : bestCpu;
            }
        }
        Console.WriteLine($"streaming {length / best.TotalSeconds / 1e6:0.0} MB/s {digest}");
        Console.WriteLine($"streaming-cpu {length / bestCpu.TotalSeconds / 1e6:0.0} MB/s {digest}");

        var block = new byte[1024 * 1024];
        RandomNumberGenerator.Fill(block);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var blocks = (int)Math.Max(1, length / block.Length);
        var memoryBest = TimeSpan.MaxValue;
        for (var pass = 0; pass < passes + 1; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < blocks; i++)
            {
                hash.AppendData(block);
            }
            hash.GetHashAndReset();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (pass > 0 && elapsed < memoryBest)
            {
                memoryBest = elapsed;
            }
        }
        Console.WriteLine($"in-memory {(double)blocks * block.Length / memoryBest.TotalSeconds / 1e6:0.0} MB/s -");
    }
}
