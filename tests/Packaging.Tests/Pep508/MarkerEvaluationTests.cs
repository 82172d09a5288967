using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Packaging.Tests.Pep508;

public class MarkerEvaluationTests
{
    private static readonly MarkerEnvironment Linux311 = MarkerEnvironment.For(NixSystem.LinuxX64, PythonTarget.Parse("3.11.7"));

    private static readonly MarkerEnvironment Rc = new(
        osName: "posix",
        sysPlatform: "linux",
        platformMachine: "x86_64",
        platformPythonImplementation: "CPython",
        platformRelease: "6.1.0-18-amd64",
        platformSystem: "Linux",
        platformVersion: "#1 SMP",
        pythonVersion: "3.13",
        pythonFullVersion: "3.13.0rc2",
        implementationName: "cpython",
        implementationVersion: "3.13.0rc2");

    [Theory]
    [InlineData("python_version >= '3.8'", true)]
    [InlineData("python_version > '3.11'", false)]
    [InlineData("python_version == '3.*'", true)]
    [InlineData("python_version ~= '3.9'", true)]
    [InlineData("python_version in '2.7 3.11'", true)]
    [InlineData("python_version in '3.1'", false)]
    [InlineData("python_version == '3.11.0'", true)]
    [InlineData("python_full_version == '3.11.7'", true)]
    [InlineData("python_full_version >= '3.11.8'", false)]
    [InlineData("'3.12' > python_version", true)]
    [InlineData("'3.11' === python_version", true)]
    [InlineData("python_version === '3.11'", true)]
    [InlineData("python_version === '3.11.0'", false)]
    [InlineData("python_version >= 'three'", false)]
    [InlineData("python_version < 'three'", false)]
    [InlineData("implementation_version == '3.11.7'", true)]
    public void Version_variables_compare_as_pep_440_versions(string marker, bool expected) =>
        Assert.Equal(expected, Marker.Parse(marker).Evaluate(Linux311));

    [Theory]
    [InlineData("python_full_version >= '3.13'", false)]
    [InlineData("python_full_version >= '3.13.0rc1'", true)]
    [InlineData("python_version >= '3.13'", true)]
    [InlineData("platform_release >= '6'", false)]
    [InlineData("platform_release == '6.1.0-18-amd64'", true)]
    [InlineData("'amd64' in platform_release", true)]
    public void Pre_releases_and_non_versions_follow_packaging(string marker, bool expected) =>
        Assert.Equal(expected, Marker.Parse(marker).Evaluate(Rc));

    [Theory]
    [InlineData("os_name == 'posix'", true)]
    [InlineData("os_name != 'nt'", true)]
    [InlineData("os_name <= 'posix'", true)]
    [InlineData("os_name < 'zzz'", false)]
    [InlineData("os_name > 'a'", false)]
    [InlineData("'nux' in sys_platform", true)]
    [InlineData("sys_platform not in 'win32 cygwin'", true)]
    [InlineData("'posix' == 'os_name'", true)]
    [InlineData("os_name == sys_platform", false)]
    [InlineData("os_name == 'posix' or python_version ~= 'x'", true)]
    public void Other_variables_compare_as_strings(string marker, bool expected)
    {
        var parsed = Marker.Parse(marker);
        if (marker.Contains("~= 'x'", StringComparison.Ordinal))
        {
            // packaging evaluates every comparison, so the undefined one raises even after a true one.
            Assert.Throws<MarkerEvaluationException>(() => parsed.Evaluate(Linux311));
            return;
        }
        Assert.Equal(expected, parsed.Evaluate(Linux311));
    }

    [Theory]
    [InlineData("os_name ~= 'posix'", MarkerEvaluationFailure.UndefinedComparison)]
    [InlineData("os_name === 'posix'", MarkerEvaluationFailure.UndefinedComparison)]
    [InlineData("extra === 'x'", MarkerEvaluationFailure.UndefinedComparison)]
    [InlineData("python_version ~= '3'", MarkerEvaluationFailure.UndefinedComparison)]
    [InlineData("'a' == 'b'", MarkerEvaluationFailure.UndefinedEnvironmentName)]
    [InlineData("extras == 'x'", MarkerEvaluationFailure.UndefinedComparison)]
    public void Undefined_comparisons_raise_as_in_packaging(string marker, MarkerEvaluationFailure failure)
    {
        var parsed = Marker.Parse(marker);

        Assert.Equal(failure, Assert.Throws<MarkerEvaluationException>(() => parsed.Evaluate(Linux311)).Failure);
        Assert.False(parsed.TryEvaluate(Linux311, null, out var result));
        Assert.False(result);
    }

    [Fact]
    public void Try_evaluate_answers_when_it_can()
    {
        Assert.True(Marker.Parse("os_name == 'posix'").TryEvaluate(Linux311, null, out var result));
        Assert.True(result);
        Assert.True(Marker.Parse("'3.11' ~= python_version").TryEvaluate(Linux311, null, out result));
        Assert.True(result);
    }

    [Fact]
    public void Extra_is_compared_after_pep_685_normalization()
    {
        var marker = Marker.Parse("extra == 'Foo_Bar'");

        Assert.False(marker.Evaluate(Linux311));
        Assert.True(marker.Evaluate(Linux311, ExtraName.Parse("foo.bar")));
        Assert.True(marker.Evaluate(Linux311.WithExtra(ExtraName.Parse("FOO-bar"))));
        Assert.False(marker.Evaluate(Linux311.WithExtra(ExtraName.Parse("FOO-bar")), extra: null));
        Assert.True(Marker.Parse("extra != 'foo'").Evaluate(Linux311));
        Assert.True(Marker.Parse("extra == ''").Evaluate(Linux311));
    }

    [Fact]
    public void A_set_of_requested_extras_includes_what_holds_without_an_extra()
    {
        var socks = Marker.Parse("extra == 'socks' and python_version >= '3'");
        var withoutExtra = Marker.Parse("python_version >= '3'");
        var notSocks = Marker.Parse("extra != 'socks'");
        ExtraName[] requested = [ExtraName.Parse("tests"), ExtraName.Parse("Socks")];

        Assert.True(socks.EvaluateForExtras(Linux311, requested));
        Assert.False(socks.EvaluateForExtras(Linux311, [ExtraName.Parse("tests")]));
        Assert.False(socks.EvaluateForExtras(Linux311, []));
        Assert.True(withoutExtra.EvaluateForExtras(Linux311, requested));
        Assert.True(notSocks.EvaluateForExtras(Linux311, requested));
    }

    [Fact]
    public void Lock_file_sets_test_membership_of_normalized_names()
    {
        var environment = Linux311.WithExtras([ExtraName.Parse("Dev_Tools")]).WithDependencyGroups(["Docs.Build"]);

        Assert.True(Marker.Parse("'dev.tools' in extras").Evaluate(environment));
        Assert.False(Marker.Parse("'dev.tools' not in extras").Evaluate(environment));
        Assert.True(Marker.Parse("'docs_build' in dependency_groups").Evaluate(environment));
        Assert.False(Marker.Parse("'test' in dependency_groups").Evaluate(environment));
        Assert.False(Marker.Parse("'dev-tools' == extras").Evaluate(environment));
        Assert.True(Marker.Parse("'dev-tools' != extras").Evaluate(environment));
        Assert.False(Marker.Parse("'x' in extras").Evaluate(Linux311), "For() defines empty sets");
    }

    [Fact]
    public void Sets_are_undefined_in_a_metadata_environment()
    {
        var failure = Assert.Throws<MarkerEvaluationException>(() => Marker.Parse("'x' in extras").Evaluate(Rc)).Failure;

        Assert.Equal(MarkerEvaluationFailure.UndefinedEnvironmentName, failure);
    }

    [Fact]
    public void Untagged_python_build_gets_a_local_label()
    {
        var values = new Dictionary<string, string>
        {
            ["os_name"] = "posix",
            ["sys_platform"] = "linux",
            ["platform_machine"] = "x86_64",
            ["platform_python_implementation"] = "CPython",
            ["platform_release"] = "",
            ["platform_system"] = "Linux",
            ["platform_version"] = "",
            ["python_version"] = "3.11",
            ["python_full_version"] = "3.11.1+",
            ["implementation_name"] = "cpython",
            ["implementation_version"] = "3.11.1",
            ["extra"] = "Some_Extra",
        };
        var environment = MarkerEnvironment.FromDictionary(values);

        Assert.Equal("3.11.1+local", environment.PythonFullVersion);
        Assert.Equal("some-extra", environment.Extra);
        Assert.Equal("some-extra", environment[MarkerVariable.Extra]);
        Assert.True(Marker.Parse("python_full_version >= '3.11.1'").Evaluate(environment));
        Assert.True(Marker.Parse("extra == 'some.extra'").Evaluate(environment));
        values.Remove("os_name");
        Assert.Throws<ArgumentException>(() => MarkerEnvironment.FromDictionary(values));
    }

    [Fact]
    public void Indexer_reads_every_variable()
    {
        foreach (var variable in Enum.GetValues<MarkerVariable>().Where(v => !MarkerVariables.IsSet(v)))
        {
            Assert.NotNull(Linux311[variable]);
        }
        Assert.Equal("3.11.7", Linux311[MarkerVariable.ImplementationVersion]);
        Assert.Throws<ArgumentException>(() => Linux311[MarkerVariable.Extras]);
    }

    [Fact]
    public void Evaluation_does_not_allocate()
    {
        Marker[] markers =
        [
            Marker.Parse("python_version < '3.8' and extra == 'socks' or sys_platform == 'win32'"),
            Marker.Parse("'3.6' <= python_full_version and platform_release >= '5'"),
            Marker.Parse("python_version === '3.11' or '3.11.7' === implementation_version"),
            Marker.Parse("'nux' in sys_platform and platform_machine not in 'arm64 aarch64'"),
            Marker.Parse("'dev' in extras or 'docs' not in dependency_groups"),
        ];
        var systems = MarkerEnvironmentSet.For(NixSystem.All, PythonTarget.Parse("3.11.7"));
        var socks = ExtraName.Parse("socks");
        var holds = 0L;
        for (var round = 0; round < 2; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                foreach (var marker in markers)
                {
                    holds += marker.Evaluate(Linux311) ? 1 : 0;
                    holds += marker.Evaluate(Linux311, socks) ? 1 : 0;
                    holds += marker.TryEvaluate(Linux311, null, out var result) && result ? 1 : 0;
                    holds += marker.Evaluate(systems, socks).Count;
                }
            }
            if (round == 1)
            {
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
        Assert.Equal(2 * 1_000 * 18, holds);
    }
}
