using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;
using static Req2Nix.Emit.Tests.Support.Build;

namespace Req2Nix.Emit.Tests.Packages;

/// <summary>The same resolution gives the same bytes, whatever order its parts come in; golden files pin the format.</summary>
public class DeterminismTests
{
    private const string UpdateVariable = "REQ2NIX_UPDATE_GOLDEN";

    /// <summary>Extras, per-system edges, a fork, a cycle, wheels of every kind, a keyword name, a fetchurl file.</summary>
    internal static Resolution Representative()
    {
        var resolution = Resolution(
            Sdist("app", "1.0") with
            {
                Dependencies = [On("requests", "socks"), On("colorama", Systems(NixSystem.DarwinX64, NixSystem.DarwinArm64)), On("numpy"), On("orjson"), On("in")],
                TopLevelModules = ["app"],
                BuildRequires = [Requirement.Parse("hatchling")],
            },
            Package(
                "requests",
                "2.31.0",
                PypiFile("requests-2.31.0.tar.gz"),
                PypiFile("requests-2.31.0-py3-none-any.whl")) with
            {
                Dependencies = [On("urllib3"), On("idna"), On("certifi")],
                OptionalDependencies = Extras("socks", On("pysocks")),
                TopLevelModules = ["requests"],
            },
            Sdist("urllib3", "2.2.1") with { Dependencies = [On("requests")] },
            Sdist("idna", "3.6"),
            Package("certifi", "2024.02.02", IndexFile("certifi-2024.02.02.tar.gz", "https://mirror.example/certifi-2024.02.02.tar.gz")),
            Sdist("pysocks", "1.7.1"),
            Sdist("colorama", "0.4.6") with { Systems = Systems(NixSystem.DarwinX64, NixSystem.DarwinArm64) },
            Sdist("numpy", "1.26.4") with { Systems = Systems(NixSystem.DarwinX64) },
            Sdist("numpy", "2.1.0") with
            {
                Systems = Systems(NixSystem.LinuxX64, NixSystem.LinuxArm64, NixSystem.DarwinArm64),
                BuildRequires = [Requirement.Parse("meson-python"), Requirement.Parse("Cython>=3.0.6")],
            },
            Package(
                "orjson",
                "3.10.0",
                PypiFile("orjson-3.10.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
                PypiFile("orjson-3.10.0-cp311-cp311-macosx_10_15_x86_64.macosx_11_0_arm64.macosx_10_15_universal2.whl"),
                PypiFile("orjson-3.10.0.tar.gz")) with
            {
                BuildRequires = [Requirement.Parse("maturin>=1,<2")],
            },
            Sdist("in", "0.1"));
        return resolution with
        {
            Roots = [new ResolvedDependency(PackageName.Parse("app"), SystemSet.All), On("requests", "socks")],
            Notes = ["numpy: x86_64-darwin needs 1.26.4"],
        };
    }

    public static TheoryData<string> GoldenCases() => ["representative-pure", "representative-all-reuse", "representative-never"];

    private static EmitOptions OptionsFor(string golden) => golden switch
    {
        "representative-pure" => Options(),
        "representative-all-reuse" => Options(WheelPolicy.All, reuse: true),
        _ => Options(WheelPolicy.Never),
    };

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Output_matches_the_golden_file(string golden)
    {
        var text = PythonPackagesFile.Write(Representative(), OptionsFor(golden));
        var path = Path.Combine(SharedFolder.RepositoryRoot, "tests", "Emit.Tests", "Golden", golden + ".nix");
        if (Environment.GetEnvironmentVariable(UpdateVariable) is { Length: > 0 })
        {
            File.WriteAllText(path, text);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with {UpdateVariable}=1 to write it");
        Assert.Equal(File.ReadAllText(path), text);
    }

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(GoldenCases))]
    public void Golden_files_evaluate_on_every_system(string golden)
    {
        var text = PythonPackagesFile.Write(Representative(), OptionsFor(golden));
        foreach (var system in NixSystem.All)
        {
            var summary = StubEvaluation.Evaluate(text, system);
            Assert.Equal(system == NixSystem.DarwinX64 ? "1.26.4" : "2.1.0", summary.GetProperty("numpy").GetProperty("version").GetString());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Shuffled_inputs_give_identical_bytes(int seed)
    {
        var original = Representative();
        var random = new Random(seed);
        var shuffled = original with
        {
            Packages = Shuffle(original.Packages.Select(p => p with
            {
                Files = Shuffle(p.Files, random),
                Dependencies = Shuffle(p.Dependencies.Select(d => d with { Extras = Shuffle(d.Extras, random) }), random),
                OptionalDependencies = Shuffle(p.OptionalDependencies, random).ToDictionary(),
                BuildRequires = p.BuildRequires is null ? null : Shuffle(p.BuildRequires, random),
                TopLevelModules = p.TopLevelModules is null ? null : Shuffle(p.TopLevelModules, random),
            }), random),
        };

        foreach (var options in new[] { "representative-pure", "representative-all-reuse", "representative-never" }.Select(OptionsFor))
        {
            Assert.Equal(PythonPackagesFile.Write(original, options), PythonPackagesFile.Write(shuffled, options));
        }
    }

    private static T[] Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }
}
