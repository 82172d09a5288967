using System.Text.Json;
using Req2Nix.Inputs.Toml;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>
/// toml-test's TOML 1.0.0 cases (shared/conformance/toml): every valid document decodes to its
/// tagged JSON, every invalid one is refused with a positioned <see cref="TomlException"/>.
/// </summary>
public sealed class TomlConformanceTests
{
    private static readonly string SuiteFolder = Path.Combine(SharedFolder.Conformance, "toml");

    public static TheoryData<string> ValidCases() => Cases("valid");

    public static TheoryData<string> InvalidCases() => Cases("invalid");

    [ConformanceTheory("toml")]
    [MemberData(nameof(ValidCases))]
    public void Valid_document_decodes_to_its_expected_json(string file)
    {
        var path = Path.Combine(SuiteFolder, file);

        var document = TomlReader.Parse(File.ReadAllBytes(path), file);

        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(path, ".json")));
        var difference = TaggedJson.Difference(expected.RootElement, document);
        Assert.True(difference is null, difference);
    }

    [ConformanceTheory("toml")]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_document_is_rejected_with_a_position(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SuiteFolder, file));

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(bytes, file));

        Assert.Equal(file, error.SourceName);
        Assert.InRange(error.Line, 1, bytes.Count(b => b == '\n') + 1);
        Assert.InRange(error.Column, 1, bytes.Length + 1);
        Assert.StartsWith($"{file}:{error.Line}:{error.Column}: ", error.Message, StringComparison.Ordinal);
    }

    private static TheoryData<string> Cases(string kind)
    {
        var cases = new TheoryData<string>();
        var folder = Path.Combine(SuiteFolder, kind);
        if (!Directory.Exists(folder))
        {
            return cases;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.toml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetRelativePath(SuiteFolder, file).Replace('\\', '/'));
        }
        return cases;
    }
}
