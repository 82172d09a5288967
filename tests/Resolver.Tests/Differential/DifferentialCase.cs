using Req2Nix.Packaging.Pep508;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// One folder under <c>Differential/cases</c>: <c>requirements.txt</c> (PEP 508 lines, <c>#</c>
/// comments), optional <c>constraints.txt</c> (pip's <c>-c</c>) and <c>pip-args.txt</c> (extra pip
/// options; only <c>--pre</c> is understood on the req2nix side). A case named <c>u…</c> is meant
/// to be unsatisfiable, <c>s…</c> satisfiable; the test only requires pip and req2nix to agree.
/// </summary>
internal sealed class DifferentialCase
{
    private DifferentialCase(string name, string folder)
    {
        Name = name;
        Folder = folder;
    }

    public static string CasesFolder { get; } =
        Path.Combine(Req2Nix.Tests.Shared.SharedFolder.RepositoryRoot, "tests", "Resolver.Tests", "Differential", "cases");

    public string Name { get; }

    public string Folder { get; }

    public string RequirementsFile => Path.Combine(Folder, "requirements.txt");

    public string? ConstraintsFile => File.Exists(Path.Combine(Folder, "constraints.txt")) ? Path.Combine(Folder, "constraints.txt") : null;

    public IReadOnlyList<string> PipArguments =>
        File.Exists(Path.Combine(Folder, "pip-args.txt")) ? ReadLines(Path.Combine(Folder, "pip-args.txt")).Select(line => line.Text).ToList() : [];

    public bool ExpectedToFail => Name.StartsWith('u');

    public static IEnumerable<string> Names() =>
        Directory.Exists(CasesFolder)
            ? Directory.GetDirectories(CasesFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    public static DifferentialCase Load(string name) => new(name, Path.Combine(CasesFolder, name));

    /// <summary>The case as req2nix reads it: binary files only (pip's <c>--only-binary=:all:</c>), CPython 3.11.</summary>
    public Manifest ToManifest()
    {
        var formats = new FormatControl(new HashSet<string>(), new HashSet<string> { FormatControl.AllProjects });
        var settings = new IndexSettings { Formats = formats, AllowPreReleases = PipArguments.Contains("--pre") };
        return new Manifest(Read(RequirementsFile))
        {
            Constraints = ConstraintsFile is { } constraints ? Read(constraints) : [],
            Index = settings,
        };
    }

    public static ResolutionTarget Target { get; } = new(PythonTarget.Parse("3.11"), SystemSet.Of(NixSystem.LinuxX64));

    public override string ToString() => Name;

    private static List<RootRequirement> Read(string file) =>
        [.. ReadLines(file).Select(line => new RootRequirement(Requirement.Parse(line.Text), new SourceLocation(Path.GetFileName(file), line.Number)))];

    private static IEnumerable<(string Text, int Number)> ReadLines(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var comment = text.IndexOf('#', StringComparison.Ordinal);
            if (comment >= 0)
            {
                text = text[..comment];
            }
            text = text.Trim();
            if (text.Length > 0)
            {
                yield return (text, i + 1);
            }
        }
    }
}
