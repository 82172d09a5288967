using Req2Nix.Inputs.Requirements;
using Req2Nix.Packaging.Targets;

namespace Req2Nix.Resolver.Tests.Differential;

/// <summary>
/// One folder under <c>Differential/cases</c>: <c>requirements.txt</c>, optional
/// <c>constraints.txt</c> (pip's <c>-c</c>) and <c>pip-args.txt</c> (extra pip options, one per line,
/// each also a requirements-file option, such as <c>--pre</c>). A case named <c>u…</c> is meant to be
/// unsatisfiable, <c>s…</c> satisfiable, <c>r…</c> refused as input before any resolution; the test
/// only requires pip and req2nix to agree.
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

    /// <summary>
    /// The case as req2nix reads it: pip's command line read by <see cref="RequirementsFile"/> (so
    /// binary files only, as pip's <c>--only-binary=:all:</c>, and the case's pip arguments).
    /// </summary>
    public Manifest ToManifest()
    {
        var commandLine = new PipCommandLine(Folder, PipCommandLineLines());
        var file = Inputs.Requirements.RequirementsFile.Read(commandLine.Path, new RequirementsReadOptions(Folder) { FileSystem = commandLine });
        return file.ToManifest();
    }

    /// <summary>The options pip is given besides the index and the report, one per line as a requirements file has them.</summary>
    public IEnumerable<string> PipCommandLineLines()
    {
        yield return "-r requirements.txt";
        if (ConstraintsFile is not null)
        {
            yield return "-c constraints.txt";
        }
        yield return "--only-binary=:all:";
        foreach (var argument in PipArguments)
        {
            yield return argument;
        }
    }

    public static ResolutionTarget Target { get; } = new(PythonTarget.Parse("3.11"), SystemSet.Of(NixSystem.LinuxX64));

    public override string ToString() => Name;

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
