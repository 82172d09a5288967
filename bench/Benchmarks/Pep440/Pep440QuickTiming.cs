using System.Diagnostics;
using System.Globalization;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Benchmarks.Pep440;

/// <summary>
/// Command-line modes for bench/pep440-vs-packaging.sh: <c>pep440-export PATH</c> writes the workload for
/// the Python side; <c>pep440-quick</c> times it here with a stopwatch (best of several passes) and prints
/// one line per measure, in the same format as bench/pep440_packaging_timing.py.
/// </summary>
public static class Pep440QuickTiming
{
    public static bool TryRun(string[] args)
    {
        if (args is ["pep440-export", var path])
        {
            Pep440Workload.Load().Export(path);
            return true;
        }
        if (args is ["pep440-quick", ..])
        {
            Run(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2.0);
            return true;
        }
        return false;
    }

    private static void Run(double secondsPerMeasure)
    {
        var workload = Pep440Workload.Load();
        var texts = workload.VersionTexts;
        var sortBuffer = new Pep440Version[workload.Versions.Length];

        var valid = 0;
        var parse = Measure(secondsPerMeasure, () =>
        {
            valid = 0;
            foreach (var text in texts)
            {
                if (Pep440Version.TryParse(text, out _))
                {
                    valid++;
                }
            }
        });
        Print("parse", texts.Length, parse, $"valid={valid}");

        var sort = Measure(secondsPerMeasure, () =>
        {
            Array.Copy(workload.Versions, sortBuffer, sortBuffer.Length);
            Array.Sort(sortBuffer);
        });
        Print("sort", 1, sort, $"versions={sortBuffer.Length} last={sortBuffer[^1]}");

        long matches = 0;
        var contains = Measure(secondsPerMeasure, () =>
        {
            matches = 0;
            foreach (var (set, candidates) in workload.Checks)
            {
                foreach (var version in candidates)
                {
                    if (set.Contains(version))
                    {
                        matches++;
                    }
                }
            }
        });
        Print("contains", workload.CheckCount, contains, $"matches={matches}");
    }

    // Best pass after a warm-up, repeated for about `seconds` (at least two passes).
    internal static double Measure(double seconds, Action pass)
    {
        pass();
        var best = double.MaxValue;
        var total = Stopwatch.StartNew();
        var passes = 0;
        while (passes < 2 || total.Elapsed.TotalSeconds < seconds)
        {
            var watch = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            passes++;
        }
        return best;
    }

    internal static void Print(string measure, long operations, double seconds, string check) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{measure} {operations / seconds:F0} {check}"));
}
