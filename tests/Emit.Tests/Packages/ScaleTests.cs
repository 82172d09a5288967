using System.Diagnostics;
using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Targets;
using Req2Nix.Tests.Shared;
using static Req2Nix.Emit.Tests.Support.Build;

namespace Req2Nix.Emit.Tests.Packages;

public class ScaleTests
{
    /// <summary>A 20,000-package chain closed into one cycle: the walk is iterative and the output stays linear.</summary>
    [Fact]
    public void A_long_chain_with_a_cycle_is_written_quickly()
    {
        const int Count = 20_000;
        var packages = Enumerable.Range(0, Count)
            .Select(i => Sdist($"p{i:D5}", "1.0") with { Dependencies = [On($"p{(i + 1) % Count:D5}")] })
            .ToArray();
        var watch = Stopwatch.StartNew();

        var text = PythonPackagesFile.Write(Resolution(packages), Options());

        watch.Stop();
        Assert.Contains("# req2nix: final.p00000 is left out: it closes the dependency cycle p00000 -> p00001", text, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Console.WriteLine($"wrote {Count} packages ({text.Length / 1024} KiB) in {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>Each package depends on the next three; depth counts the chain and setuptools under the last one.</summary>
    [NixFact("nix-instantiate")]
    public void A_thousand_packages_evaluate()
    {
        var packages = Enumerable.Range(0, 1000)
            .Select(i => Sdist($"p{i:D4}", "1.0") with { Dependencies = [.. Enumerable.Range(i + 1, Math.Min(3, 999 - i)).Select(j => On($"p{j:D4}"))] })
            .ToArray();

        var summary = StubEvaluation.Evaluate(PythonPackagesFile.Write(Resolution(packages), Options()), NixSystem.LinuxX64);

        Assert.Equal(1001, summary.GetProperty("p0000").GetProperty("depth").GetInt32());
    }
}
