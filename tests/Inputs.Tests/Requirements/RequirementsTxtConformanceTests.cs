using System.Text.Json;
using Req2Nix.Inputs.Requirements;
using Req2Nix.Packaging.Pep508;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>
/// shared/conformance/requirements-txt: each top-level file (real files from 40 repositories and
/// synthetic ones) reads to what pip 23.2.1's own parser produced — entries, order and every
/// field — and the files pip rejects are rejected with a positioned error. Where pip 26 disagrees
/// (<c>pip_head_disagrees</c>), pip 23.2.1's result is the expectation.
/// </summary>
public sealed class RequirementsTxtConformanceTests
{
    private static readonly string SuiteFolder = Path.Combine(SharedFolder.Conformance, "requirements-txt");
    private static readonly string FilesFolder = Path.Combine(SuiteFolder, "files");

    public static TheoryData<string> TopLevelFiles()
    {
        var cases = new TheoryData<string>();
        var index = Path.Combine(SuiteFolder, "index.json");
        if (!File.Exists(index))
        {
            return cases;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(index));
        foreach (var record in document.RootElement.GetProperty("files").EnumerateArray())
        {
            cases.Add(record.GetProperty("file").GetString()!);
        }
        return cases;
    }

    [ConformanceTheory("requirements-txt")]
    [MemberData(nameof(TopLevelFiles))]
    public void File_reads_as_pip_reads_it(string file)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SuiteFolder, "index.json")));
        var record = index.RootElement.GetProperty("files").EnumerateArray().Single(r => r.GetProperty("file").GetString() == file);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SuiteFolder, record.GetProperty("expected").GetString()!)));
        var options = OptionsFor(file, record);
        var path = Path.Combine(FilesFolder, file);

        if (expected.RootElement.GetProperty("error").ValueKind == JsonValueKind.String)
        {
            var error = Assert.Throws<RequirementsFileException>(() => RequirementsFile.Read(path, options));
            Assert.True(error.Location.Line >= 1, $"no line in '{error.Message}'");
            Assert.True(error.Location.Column >= 1, $"no column in '{error.Message}'");
            Assert.StartsWith($"{error.Location}: ", error.Message, StringComparison.Ordinal);
            return;
        }

        var read = RequirementsFile.Read(path, options);
        var differences = new List<string>();
        var expectedEntries = expected.RootElement.GetProperty("entries").EnumerateArray().ToList();
        if (expectedEntries.Count != read.Entries.Count)
        {
            differences.Add($"{read.Entries.Count} entries, pip has {expectedEntries.Count}");
        }
        for (var i = 0; i < Math.Min(expectedEntries.Count, read.Entries.Count); i++)
        {
            foreach (var difference in PipExpectation.CompareEntry(expectedEntries[i], read.Entries[i], FilesFolder))
            {
                differences.Add($"entry {i} ({expectedEntries[i].GetProperty("file").GetString()}:{expectedEntries[i].GetProperty("line").GetInt32()}): {difference}");
            }
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(30)));
    }

    internal static RequirementsReadOptions OptionsFor(string file, JsonElement record)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (record.TryGetProperty("environment", out var variables))
        {
            foreach (var variable in variables.EnumerateObject())
            {
                environment[variable.Name] = variable.Value.GetString()!;
            }
        }
        var repository = file[..file.IndexOf('/', StringComparison.Ordinal)];
        return new RequirementsReadOptions(Path.Combine(FilesFolder, repository)) { Environment = environment };
    }
}
