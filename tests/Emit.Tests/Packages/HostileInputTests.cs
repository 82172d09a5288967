using Req2Nix.Emit.Tests.Nix;
using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;
using static Req2Nix.Emit.Tests.Support.Build;

namespace Req2Nix.Emit.Tests.Packages;

/// <summary>Text from an index or an input file reaches the output only escaped: evaluation gives it back verbatim.</summary>
public class HostileInputTests
{
    public static TheoryData<string> HostileStrings() => NixEvaluationTests.HostileStrings();

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(HostileStrings))]
    public void A_hostile_url_is_fetched_verbatim(string hostile)
    {
        var url = "https://evil.example/" + hostile;
        var resolution = Resolution(Package("evil", "1.0", IndexFile("evil-1.0.tar.gz", url)));

        var src = StubEvaluation.Evaluate(PythonPackagesFile.Write(resolution, Options()), NixSystem.LinuxX64)
            .GetProperty("evil").GetProperty("src");

        Assert.Equal(url, src.GetProperty("url").GetString());
    }

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(HostileStrings))]
    public void Hostile_direct_sources_and_header_text_stay_inert(string hostile)
    {
        var resolution = Resolution(
            Sdist("app", "1.0") with { Dependencies = [On("vcs"), On("local")] },
            new ResolvedPackage(PackageName.Parse("vcs"), Pep440Version.Parse("1"))
            {
                Source = new VcsSource(VcsKind.Git, hostile) { Revision = hostile },
            },
            new ResolvedPackage(PackageName.Parse("local"), Pep440Version.Parse("1")) { Source = new LocalPathSource("x" + hostile) }) with
        {
            Notes = [hostile],
        };
        var options = Options() with
        {
            Inputs = [new EmitInput(hostile, DigestOf(hostile))],
            Command = "req2nix " + hostile,
        };
        var text = PythonPackagesFile.Write(resolution, options);

        var summary = StubEvaluation.EvaluateSkippingSources(text, NixSystem.LinuxX64, ["vcs"]);
        Assert.Equal(["app", "local", "vcs"], summary.EnumerateObject().Select(p => p.Name));
        Assert.True(EmittedHeader.TryRead(text, out var header));
        Assert.Equal(hostile, Assert.Single(header.Inputs).Path);
        Assert.True(EmittedHeader.IsBodyIntact(text));
    }

    [Theory]
    [InlineData("\u0001weird\u007f")]
    [InlineData("back\\u{0041}slash")]
    [InlineData("\"quoted\" ${x} \\")]
    public void Input_paths_read_back_exactly(string path)
    {
        var text = PythonPackagesFile.Write(Resolution(Sdist("a", "1")), Options() with { Inputs = [new EmitInput(path, DigestOf(path))] });

        Assert.True(EmittedHeader.TryRead(text, out var header));
        Assert.Equal(new EmitInput(path, DigestOf(path)), Assert.Single(header.Inputs));
    }
}
