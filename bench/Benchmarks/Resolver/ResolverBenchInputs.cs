using Req2Nix.Inputs.Requirements;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>The benchmark's inputs: a requirements file read by req2nix's reader, with pip's <c>--only-binary=:all:</c> as the differential cases run.</summary>
internal static class ResolverBenchInputs
{
    public static string DefaultCase { get; } = Path.Combine(RepositoryRoot(), "tests", "Resolver.Tests", "Differential", "cases", "s16-large-150", "requirements.txt");

    public static Manifest Read(string requirementsFile)
    {
        var path = Path.GetFullPath(requirementsFile);
        var manifest = RequirementsFile.Read(path, new RequirementsReadOptions(Path.GetDirectoryName(path)!)).ToManifest();
        var binaryOnly = new FormatControl(new HashSet<string>(), new HashSet<string> { FormatControl.AllProjects });
        return manifest with { Index = manifest.Index with { Formats = binaryOnly } };
    }

    public static ResolutionTarget Target(bool allSystems) =>
        new(PythonTarget.Parse("3.11"), allSystems ? SystemSet.All : SystemSet.Of(NixSystem.LinuxX64));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Req2Nix.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
