using System.Text.Json;
using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;
using static Req2Nix.Emit.Tests.Support.Build;

namespace Req2Nix.Emit.Tests.Packages;

public class FlakeTemplateTests
{
    /// <summary>
    /// Evaluates the flake's devShell for one system against a stub nixpkgs whose python applies
    /// the generated overlay: the shell's environment holds the root packages (and extras).
    /// </summary>
    private static string[] ShellPackages(Resolution resolution, NixSystem system, string flake)
    {
        var directory = Directory.CreateTempSubdirectory("req2nix-flake-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "flake.nix"), flake);
            File.WriteAllText(Path.Combine(directory.FullName, "python-packages.nix"), PythonPackagesFile.Write(resolution, Options()));
            var expression = $$"""
                let
                  flake = import {{directory.FullName}}/flake.nix;
                  pkgsFor = system: rec {
                    lib = {
                      optionals = c: l: if c then l else [ ];
                    };
                    stdenv.hostPlatform = {
                      isLinux = system == "x86_64-linux" || system == "aarch64-linux";
                      isDarwin = system == "x86_64-darwin" || system == "aarch64-darwin";
                      isx86_64 = system == "x86_64-linux" || system == "x86_64-darwin";
                      isAarch64 = system == "aarch64-linux" || system == "aarch64-darwin";
                    };
                    fetchurl = a: a;
                    fetchPypi = a: a;
                    mkShell = a: a;
                    {{resolution.Target.Python.NixAttribute}}.override = { self, packageOverrides }:
                      let
                        prev = { buildPythonPackage = a: a; };
                        final = prev // packageOverrides final prev;
                      in
                      { withPackages = f: map (p: p.pname) (f final); };
                  };
                  nixpkgs = {
                    lib.genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
                    legacyPackages = builtins.listToAttrs (map (n: { name = n; value = pkgsFor n; }) [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ]);
                  };
                in
                builtins.head (flake.outputs { inherit nixpkgs; self = null; }).devShells.{{system.Name}}.default.packages
                """;
            var json = NixTools.Run("nix-instantiate", "--eval", "--strict", "--json", "-E", expression);
            return JsonSerializer.Deserialize<string[]>(json)!;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Resolution WithRoots() => Resolution(
        Sdist("flask", "3.0.0"),
        Sdist("requests", "2.31.0") with { OptionalDependencies = Extras("socks", On("pysocks")) },
        Sdist("pysocks", "1.7.1"),
        Sdist("colorama", "0.4.6") with { Systems = Darwin }) with
    {
        Roots = [On("flask"), On("requests", "socks"), On("colorama", Darwin)],
    };

    [NixFact("nix-instantiate")]
    public void The_dev_shell_holds_the_root_packages_for_each_system()
    {
        var resolution = WithRoots();
        var flake = FlakeTemplate.Write(resolution);

        Assert.Equal(["flask", "requests", "pysocks"], ShellPackages(resolution, NixSystem.LinuxX64, flake));
        Assert.Equal(["flask", "requests", "pysocks", "colorama"], ShellPackages(resolution, NixSystem.DarwinArm64, flake));
    }

    [Fact]
    public void The_flake_names_the_target_interpreter_the_systems_and_leaves_packages_to_the_user()
    {
        var resolution = WithRoots() with { Target = new ResolutionTarget(PythonTarget.Parse("3.12"), Linux) };

        var flake = FlakeTemplate.Write(resolution);

        Assert.Contains("python = pkgs.python312.override {", flake, StringComparison.Ordinal);
        Assert.Contains("        \"x86_64-linux\"\n        \"aarch64-linux\"\n      ];", flake, StringComparison.Ordinal);
        Assert.DoesNotContain("darwin", flake, StringComparison.Ordinal);
        Assert.Contains("inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-unstable\";", flake, StringComparison.Ordinal);
        Assert.Contains("# packages and apps are yours to add", flake, StringComparison.Ordinal);
        Assert.Equal("use flake\n", FlakeTemplate.EnvRc);
    }

    [NixFact("nix-instantiate")]
    public void Flakes_parse_with_any_roots_and_hostile_urls()
    {
        StubEvaluation.Parse(FlakeTemplate.Write(WithRoots(), "./nix/python packages \"${x}\".nix", "github:x/y\"; evil = \"${builtins.abort \"x\"}"));
        StubEvaluation.Parse(FlakeTemplate.Write(Resolution() with { Roots = [] }));
    }

    [Fact]
    public void Systems_default_to_the_four_when_the_resolution_names_none()
    {
        var flake = FlakeTemplate.Write(Resolution() with { Target = new ResolutionTarget(Python311, SystemSet.None) });

        foreach (var system in NixSystem.All)
        {
            Assert.Contains($"\"{system.Name}\"", flake, StringComparison.Ordinal);
        }
        Assert.Contains("packages = [ (python.withPackages (ps: [ ])) ];", flake, StringComparison.Ordinal);
    }
}
