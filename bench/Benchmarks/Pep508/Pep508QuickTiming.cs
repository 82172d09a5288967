using System.Diagnostics;
using System.Globalization;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Benchmarks.Pep508;

/// <summary>
/// Command-line modes for bench/pep508-vs-packaging.sh: <c>pep508-export PATH</c> writes the workload for
/// the Python side; <c>pep508-quick [SECONDS]</c> times it here with a stopwatch (best of several passes)
/// and prints one line per measure, "<c>measure operations-per-second check</c>", as
/// bench/pep508_packaging_timing.py does.
/// </summary>
public static class Pep508QuickTiming
{
    public static bool TryRun(string[] args)
    {
        if (args is ["pep508-export", var path])
        {
            Pep508Workload.Load().Export(path);
            return true;
        }
        if (args is ["pep508-quick", ..])
        {
            Run(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2.0);
            return true;
        }
        return false;
    }

    private static void Run(double secondsPerMeasure)
    {
        var workload = Pep508Workload.Load();

        var valid = 0;
        var parse = Measure(secondsPerMeasure, () =>
        {
            valid = 0;
            foreach (var line in workload.Lines)
            {
                if (Requirement.TryParse(line, out _, out _))
                {
                    valid++;
                }
            }
        });
        Print("parse", workload.Lines.Length, parse, $"valid={valid}");

        var (holds, raised) = (0, 0);
        var evaluate = Measure(secondsPerMeasure, () =>
        {
            (holds, raised) = (0, 0);
            foreach (var marker in workload.Markers)
            {
                if (!marker.TryEvaluate(workload.Linux, null, out var result))
                {
                    raised++;
                }
                else if (result)
                {
                    holds++;
                }
            }
        });
        Print("evaluate", workload.Markers.Length, evaluate, $"true={holds} raised={raised}");

        var (holdsOnSystems, raisedOnSystems) = (0, 0);
        var evaluateSystems = Measure(secondsPerMeasure, () =>
        {
            (holdsOnSystems, raisedOnSystems) = (0, 0);
            foreach (var marker in workload.Markers)
            {
                if (marker.TryEvaluate(workload.Systems, null, out var mask))
                {
                    holdsOnSystems += mask.Count;
                }
                else
                {
                    raisedOnSystems += workload.Systems.Count;
                }
            }
        });
        Print("evaluate-4", workload.Markers.Length, evaluateSystems, $"true={holdsOnSystems} raised={raisedOnSystems}");
    }

    // Best pass after a warm-up, repeated for about `seconds` (at least three passes).
    private static double Measure(double seconds, Action pass)
    {
        pass();
        var best = double.MaxValue;
        var total = Stopwatch.StartNew();
        var passes = 0;
        while (passes < 3 || total.Elapsed.TotalSeconds < seconds)
        {
            var watch = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            passes++;
        }
        return best;
    }

    private static void Print(string measure, long operations, double seconds, string check) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measure} {operations / seconds:F0} {check}"));
}
