using System.Globalization;
using Req2Nix.Benchmarks.Pep440;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Benchmarks.Pep508;

/// <summary>
/// Command-line modes for bench/pep508-vs-packaging.sh: <c>pep508-export PATH</c> writes the workload for
/// the Python side; <c>pep508-quick [SECONDS]</c> times it here with a stopwatch (best of several passes)
/// and prints one line per measure, "<c>measure operations-per-second check</c>", as
/// bench/pep508_packaging_timing.py does (the stopwatch and the line format are the PEP 440 mode's).
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
        var parse = Pep440QuickTiming.Measure(secondsPerMeasure, () =>
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
        Pep440QuickTiming.Print("parse", workload.Lines.Length, parse, $"valid={valid}");

        var (holds, raised) = (0, 0);
        var evaluate = Pep440QuickTiming.Measure(secondsPerMeasure, () =>
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
        Pep440QuickTiming.Print("evaluate", workload.Markers.Length, evaluate, $"true={holds} raised={raised}");

        var (holdsOnSystems, raisedOnSystems) = (0, 0);
        var evaluateSystems = Pep440QuickTiming.Measure(secondsPerMeasure, () =>
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
        Pep440QuickTiming.Print("evaluate-4", workload.Markers.Length, evaluateSystems, $"true={holdsOnSystems} raised={raisedOnSystems}");
    }
}
