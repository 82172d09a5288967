using System.Text;
using System.Text.Json;
using Req2Nix.Emit.Nix;
using Req2Nix.Packaging.Targets;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Emit.Tests.Nix;

public class SystemConditionTests
{
    private static readonly NixSystem LinuxX64 = NixSystem.LinuxX64;
    private static readonly NixSystem LinuxArm = NixSystem.LinuxArm64;
    private static readonly NixSystem DarwinX64 = NixSystem.DarwinX64;
    private static readonly NixSystem DarwinArm = NixSystem.DarwinArm64;

    [Fact]
    public void The_whole_universe_needs_no_condition()
    {
        Assert.Null(SystemCondition.For(SystemSet.All, SystemSet.All));
        Assert.Null(SystemCondition.For(SystemSet.Of([LinuxX64, LinuxArm]), SystemSet.Of([LinuxX64, LinuxArm])));
    }

    [Fact]
    public void Kernels_and_cpus_are_single_predicates()
    {
        Assert.Equal("stdenv.hostPlatform.isLinux", SystemCondition.For(SystemSet.Of([LinuxX64, LinuxArm]), SystemSet.All));
        Assert.Equal("stdenv.hostPlatform.isDarwin", SystemCondition.For(SystemSet.Of([DarwinX64, DarwinArm]), SystemSet.All));
        Assert.Equal("stdenv.hostPlatform.isAarch64", SystemCondition.For(SystemSet.Of([LinuxArm, DarwinArm]), SystemSet.All));
        Assert.Equal("stdenv.hostPlatform.isx86_64", SystemCondition.For(SystemSet.Of([LinuxX64, DarwinX64]), SystemSet.All));
    }

    [Fact]
    public void One_system_of_four_is_a_kernel_and_a_cpu()
    {
        Assert.Equal("stdenv.hostPlatform.isDarwin && stdenv.hostPlatform.isAarch64", SystemCondition.For(SystemSet.Of(DarwinArm), SystemSet.All));
    }

    [Fact]
    public void Systems_outside_the_universe_do_not_matter()
    {
        var linux = SystemSet.Of([LinuxX64, LinuxArm]);
        Assert.Equal("stdenv.hostPlatform.isAarch64", SystemCondition.For(SystemSet.Of(LinuxArm), linux));
    }

    [Fact]
    public void Three_systems_are_a_disjunction_of_two_predicates()
    {
        Assert.Equal(
            "stdenv.hostPlatform.isLinux || stdenv.hostPlatform.isx86_64",
            SystemCondition.For(SystemSet.Of([LinuxX64, LinuxArm, DarwinX64]), SystemSet.All));
    }

    /// <summary>Every subset of every universe: the condition evaluates, in Nix, to exactly the subset on the universe's systems.</summary>
    [NixFact("nix-instantiate")]
    public void Every_condition_holds_exactly_on_its_systems()
    {
        var cases = new List<(SystemSet Wanted, SystemSet Universe, string Condition)>();
        for (var universeBits = 1; universeBits < 16; universeBits++)
        {
            var universe = SystemSet.Of(NixSystem.All.Where(s => (universeBits & (1 << s.Ordinal)) != 0));
            for (var bits = 0; bits < 16; bits++)
            {
                var wanted = SystemSet.Of(NixSystem.All.Where(s => (bits & (1 << s.Ordinal)) != 0));
                cases.Add((wanted, universe, SystemCondition.For(wanted, universe) ?? "true"));
            }
        }
        var expression = new StringBuilder("map (system: let stdenv.hostPlatform = { ");
        expression.Append("isLinux = system == \"x86_64-linux\" || system == \"aarch64-linux\"; ");
        expression.Append("isDarwin = system == \"x86_64-darwin\" || system == \"aarch64-darwin\"; ");
        expression.Append("isx86_64 = system == \"x86_64-linux\" || system == \"x86_64-darwin\"; ");
        expression.Append("isAarch64 = system == \"aarch64-linux\" || system == \"aarch64-darwin\"; }; in [ ");
        foreach (var (_, _, condition) in cases)
        {
            expression.Append('(').Append(condition).Append(") ");
        }
        expression.Append("]) [ \"x86_64-linux\" \"aarch64-linux\" \"x86_64-darwin\" \"aarch64-darwin\" ]");

        var json = NixTools.Run("nix-instantiate", "--eval", "--strict", "--json", "-E", expression.ToString());
        var results = JsonSerializer.Deserialize<bool[][]>(json)!;
        foreach (var system in NixSystem.All)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var (wanted, universe, condition) = cases[i];
                if (universe.Contains(system))
                {
                    Assert.True(wanted.Contains(system) == results[system.Ordinal][i], $"{condition} on {system} for {wanted} within {universe}");
                }
            }
        }
    }
}
