using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;

namespace Req2Nix.Benchmarks.Resolver;

/// <summary>The benchmark's inputs: a requirements file of PEP 508 lines (as the differential cases are written), read as pip would with <c>--only-binary=:all:</c>.</summary>
internal static class ResolverBenchInputs
{
    public static string DefaultCase { get; } = Path.Combine(RepositoryRoot(), "tests", "Resolver.Tests", "Differential", "cases", "s16-large-150", "requirements.txt");

    public static Manifest Read(string requirementsFile)
    {
        var requirements = new List<RootRequirement>();
        var lines = File.ReadAllLines(requirementsFile);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var comment = text.IndexOf('#', StringComparison.Ordinal);
            text = (comment >= 0 ? text[..comment] : text).Trim();
            if (text.Length > 0)
            {
                requirements.Add(new RootRequirement(Requirement.Parse(text), new SourceLocation(Path.GetFileName(requirementsFile), i + 1)));
            }
        }
        var binaryOnly = new FormatControl(new HashSet<string>(), new HashSet<string> { FormatControl.AllProjects });
        return new Manifest(requirements) { Index = new IndexSettings { Formats = binaryOnly } };
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
