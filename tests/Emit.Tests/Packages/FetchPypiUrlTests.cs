using Req2Nix.Emit.Tests.Support;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;
using static Req2Nix.Emit.Tests.Support.Build;

namespace Req2Nix.Emit.Tests.Packages;

/// <summary>
/// The emitted <c>fetchPypi</c> arguments, run through nixpkgs' URL formula (restated in the stub),
/// must give the real file's URL on files.pythonhosted.org; files fetchPypi cannot spell are fetched by URL.
/// </summary>
public class FetchPypiUrlTests
{
    private const string Files = "https://files.pythonhosted.org/packages/";

    public static TheoryData<string, string, string> TrickyFiles() => new()
    {
        { "typing-extensions", "typing_extensions-4.12.2.tar.gz", Files + "source/t/typing_extensions/typing_extensions-4.12.2.tar.gz" },
        { "twisted", "Twisted-24.3.0.tar.gz", Files + "source/T/Twisted/Twisted-24.3.0.tar.gz" },
        { "zope-interface", "zope.interface-6.0.tar.gz", Files + "source/z/zope.interface/zope.interface-6.0.tar.gz" },
        { "ruamel-yaml", "ruamel.yaml-0.18.6.tar.gz", Files + "source/r/ruamel.yaml/ruamel.yaml-0.18.6.tar.gz" },
        { "backports-zoneinfo", "backports.zoneinfo-0.2.1.tar.gz", Files + "source/b/backports.zoneinfo/backports.zoneinfo-0.2.1.tar.gz" },
        { "certifi", "certifi-2015.04.28.tar.gz", Files + "source/c/certifi/certifi-2015.04.28.tar.gz" },
        { "pyzmq", "pyzmq-2.1.11.zip", Files + "source/p/pyzmq/pyzmq-2.1.11.zip" },
        { "pycrypto", "pycrypto-2.6.1.tar.bz2", Files + "source/p/pycrypto/pycrypto-2.6.1.tar.bz2" },
        { "six", "six-1.16.0-py2.py3-none-any.whl", Files + "py2.py3/s/six/six-1.16.0-py2.py3-none-any.whl" },
        { "jinja2", "Jinja2-2.10-py2.py3-none-any.whl", Files + "py2.py3/J/Jinja2/Jinja2-2.10-py2.py3-none-any.whl" },
        { "zope-interface", "zope.interface-6.0-cp311-cp311-macosx_11_0_arm64.whl", Files + "cp311/z/zope.interface/zope.interface-6.0-cp311-cp311-macosx_11_0_arm64.whl" },
        { "typing-extensions", "typing_extensions-4.12.2-py3-none-any.whl", Files + "py3/t/typing_extensions/typing_extensions-4.12.2-py3-none-any.whl" },
    };

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(TrickyFiles))]
    public void FetchPypi_computes_the_real_files_url(string project, string filename, string expectedUrl)
    {
        var file = PypiFile(filename);
        var package = Package(project, "1.0", file);
        var text = PythonPackagesFile.Write(Resolution(package), Options(WheelPolicy.All));

        var src = StubEvaluation.Evaluate(text, SystemOfWheel(filename)).GetProperty(project).GetProperty("src");

        Assert.Equal("fetchPypi", src.GetProperty("fetcher").GetString());
        Assert.Equal(expectedUrl, src.GetProperty("url").GetString());
        Assert.Equal(file.Sha256.ToSri(), src.GetProperty("hash").GetString());
    }

    public static TheoryData<string, string> FilesFetchedByUrl() => new()
    {
        // Another host: a private index or a mirror.
        { "requests-2.31.0.tar.gz", "https://pypi.example.org/files/requests-2.31.0.tar.gz" },
        // Plain http, or another port, is not what fetchPypi fetches.
        { "requests-2.31.0.tar.gz", "http://files.pythonhosted.org/packages/ab/requests-2.31.0.tar.gz" },
        { "requests-2.31.0.tar.gz", "https://files.pythonhosted.org:8443/packages/ab/requests-2.31.0.tar.gz" },
        // The URL names another file than the resolution's file name.
        { "requests-2.31.0.tar.gz", "https://files.pythonhosted.org/packages/ab/cd/requests-2.31.0.zip" },
        // A build tag has no place in fetchPypi's wheel name.
        { "requests-2.31.0-1-py3-none-any.whl", "https://files.pythonhosted.org/packages/ab/requests-2.31.0-1-py3-none-any.whl" },
    };

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(FilesFetchedByUrl))]
    public void Other_files_are_fetched_by_their_index_url(string filename, string url)
    {
        var package = Package("requests", "2.31.0", IndexFile(filename, url));
        var text = PythonPackagesFile.Write(Resolution(package), Options());

        var src = StubEvaluation.Evaluate(text, NixSystem.LinuxX64).GetProperty("requests").GetProperty("src");

        Assert.Equal("fetchurl", src.GetProperty("fetcher").GetString());
        Assert.Equal(url, src.GetProperty("url").GetString());
        Assert.Equal(DigestOf(filename).ToSri(), src.GetProperty("hash").GetString());
    }

    private static NixSystem SystemOfWheel(string filename) => filename.Contains("macosx", StringComparison.Ordinal) ? NixSystem.DarwinArm64 : NixSystem.LinuxX64;
}
