using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Emit.Tests.Emit;

public class SmokeTests
{
    [Fact]
    public void Writes()
    {
        var requests = Build.Sdist("requests", "2.25.0") with
        {
            Dependencies = [Build.On("urllib3"), Build.On("pysocks", Build.Darwin), Build.On("idna", "all")],
            TopLevelModules = ["requests"],
        };
        var resolution = Build.Resolution(
            requests,
            Build.Package("urllib3", "1.26.2", Build.PypiFile("urllib3-1.26.2-py2.py3-none-any.whl"), Build.PypiFile("urllib3-1.26.2.tar.gz")),
            Build.Sdist("PySocks", "1.7.1"),
            Build.Sdist("idna", "2.10") with { OptionalDependencies = Build.Extras("all", Build.On("urllib3")) });
        var text = PythonPackagesFile.Write(resolution, Build.Options());
        File.WriteAllText("/tmp/smoke.nix", text);
        var summary = StubEvaluation.Evaluate(text, NixSystem.DarwinArm64);
        File.WriteAllText("/tmp/smoke.json", summary.ToString());
    }
}
