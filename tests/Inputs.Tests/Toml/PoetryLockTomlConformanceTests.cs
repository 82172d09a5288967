using System.Text.Json;
using Req2Nix.Inputs.Toml;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>
/// The real poetry.lock and pyproject.toml files of shared/conformance/poetry-lock, each read as a
/// whole and compared with its <c>*.tagged.json</c>; the case that is not TOML must be refused.
/// </summary>
public sealed class PoetryLockTomlConformanceTests
{
    private static readonly string SuiteFolder = Path.Combine(SharedFolder.Conformance, "poetry-lock");

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        var cases = Path.Combine(SuiteFolder, "cases");
        if (!Directory.Exists(cases))
        {
            return files;
        }
        foreach (var folder in Directory.EnumerateDirectories(cases).Order(StringComparer.Ordinal))
        {
            foreach (var name in new[] { "poetry.lock", "pyproject.toml" })
            {
                if (File.Exists(Path.Combine(folder, name)))
                {
                    files.Add($"cases/{Path.GetFileName(folder)}/{name}");
                }
            }
        }
        return files;
    }

    [ConformanceTheory("poetry-lock")]
    [MemberData(nameof(Files))]
    public void File_reads_as_its_tagged_json_or_is_rejected_when_not_toml(string file)
    {
        var path = Path.Combine(SuiteFolder, file);
        var bytes = File.ReadAllBytes(path);

        if (IsValidToml(file))
        {
            var document = TomlReader.Parse(bytes, file);
            using var expected = JsonDocument.Parse(File.ReadAllBytes(path + ".tagged.json"));
            var difference = TaggedJson.Difference(expected.RootElement, document);
            Assert.True(difference is null, difference);
        }
        else
        {
            var error = Assert.Throws<TomlException>(() => TomlReader.Parse(bytes, file));
            Assert.StartsWith($"{file}:{error.Line}:{error.Column}: ", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>What index.json says of the file (<c>valid_toml</c> / <c>pyproject_valid_toml</c>).</summary>
    private static bool IsValidToml(string file)
    {
        var parts = file.Split('/');
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SuiteFolder, "index.json")));
        foreach (var entry in index.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (entry.GetProperty("id").GetString() == parts[1])
            {
                var property = parts[2] == "poetry.lock" ? "valid_toml" : "pyproject_valid_toml";
                return entry.GetProperty(property).GetBoolean();
            }
        }
        throw new InvalidOperationException($"{parts[1]} is not in index.json");
    }
}
