using System.Security.Cryptography;
using System.Text;
using Req2Nix.Packaging.Hashing;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Tests.Support;

/// <summary>Terse builders for the resolutions the tests emit.</summary>
internal static class Build
{
    public static readonly PythonTarget Python311 = PythonTarget.Parse("3.11");

    public static Sha256Digest DigestOf(string text) => Sha256Digest.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A file on PyPI's file host, at a path like PyPI's (hash folders), with a sha256 derived from its name.</summary>
    public static ResolvedFile PypiFile(string filename) =>
        new(filename, $"https://files.pythonhosted.org/packages/ab/cd/{DigestOf(filename).ToHex()[..60]}/{filename}", DigestOf(filename));

    public static ResolvedFile IndexFile(string filename, string url) => new(filename, url, DigestOf(filename));

    public static ResolvedPackage Package(string name, string version, params ResolvedFile[] files) =>
        new(PackageName.Parse(name), Pep440Version.Parse(version))
        {
            Files = files,
            BuildRequires = [Requirement.Parse("setuptools>=61"), Requirement.Parse("wheel")],
        };

    /// <summary>A package with an sdist named the PEP 625 way.</summary>
    public static ResolvedPackage Sdist(string name, string version) =>
        Package(name, version, PypiFile($"{PackageName.NormalizeForFilename(name)}-{version}.tar.gz"));

    public static ResolvedDependency On(string name, params string[] extras) =>
        new(PackageName.Parse(name), SystemSet.All) { Extras = [.. extras.Select(ExtraName.Parse)] };

    public static ResolvedDependency On(string name, SystemSet systems, params string[] extras) =>
        new(PackageName.Parse(name), systems) { Extras = [.. extras.Select(ExtraName.Parse)] };

    public static SystemSet Systems(params NixSystem[] systems) => SystemSet.Of(systems);

    public static SystemSet Linux => Systems(NixSystem.LinuxX64, NixSystem.LinuxArm64);

    public static SystemSet Darwin => Systems(NixSystem.DarwinX64, NixSystem.DarwinArm64);

    public static Resolution Resolution(params ResolvedPackage[] packages) =>
        new(new ResolutionTarget(Python311, SystemSet.All), packages)
        {
            Roots = [.. packages.Take(1).Select(p => new ResolvedDependency(p.Name, SystemSet.All))],
        };

    public static Dictionary<ExtraName, IReadOnlyList<ResolvedDependency>> Extras(string extra, params ResolvedDependency[] members) =>
        new() { [ExtraName.Parse(extra)] = members };

    public static EmitOptions Options(WheelPolicy wheels = WheelPolicy.Pure, bool reuse = false) => new()
    {
        Wheels = wheels,
        ReuseNixpkgs = reuse,
        GeneratorVersion = "0.1.0",
        Inputs = [new EmitInput("requirements.txt", DigestOf("requirements.txt"))],
        Command = "req2nix -o python-packages.nix requirements.txt",
    };
}
