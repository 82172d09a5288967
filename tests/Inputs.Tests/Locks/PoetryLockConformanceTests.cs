using System.Text.Json;
using System.Text.Json.Nodes;
using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>
/// shared/conformance/poetry-lock: every poetry.lock reads to its <c>expected.json</c> (metadata,
/// packages in order, every field), the file that is not TOML and the <c>999.0</c> lock are
/// refused with a positioned <see cref="LockFileException"/>, and every pyproject.toml reads into a
/// manifest of root requirements.
/// </summary>
public sealed class PoetryLockConformanceTests
{
    private static readonly string Cases = Path.Combine(SharedFolder.Conformance, "poetry-lock", "cases");

    public static TheoryData<string> LockCases() => CasesWith("poetry.lock");

    public static TheoryData<string> PyprojectCases() => CasesWith("pyproject.toml");

    [ConformanceTheory("poetry-lock")]
    [MemberData(nameof(LockCases))]
    public void Lock_reads_as_expected_or_is_refused(string caseId)
    {
        var file = $"{caseId}/poetry.lock";
        var bytes = File.ReadAllBytes(Path.Combine(Cases, caseId, "poetry.lock"));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Cases, caseId, "expected.json")))!.AsObject();

        if (expected["valid_toml"]!.GetValue<bool>() is false)
        {
            var error = Assert.Throws<LockFileException>(() => PoetryLockReader.Read(bytes, file));
            Assert.StartsWith($"{file}:{error.Line}:{error.Column}: ", error.Message, StringComparison.Ordinal);
            return;
        }
        if (expected["lock_version"]?.GetValue<string>() == "999.0")
        {
            var error = Assert.Throws<LockFileException>(() => PoetryLockReader.Read(bytes, file));
            Assert.Equal($"{file}:2:16: {error.Reason}", error.Message);
            Assert.Contains("lock-version 999.0 is not supported", error.Reason, StringComparison.Ordinal);
            return;
        }

        var actual = PoetryLockJson.ToExpectedShape(PoetryLockReader.Read(bytes, file));

        var difference = JsonDifference.Find(expected, actual);
        Assert.True(difference is null, difference);
    }

    [ConformanceTheory("poetry-lock")]
    [MemberData(nameof(PyprojectCases))]
    public void Pyproject_reads_into_a_manifest(string caseId)
    {
        var file = $"{caseId}/pyproject.toml";

        var project = PyprojectReader.Read(File.ReadAllBytes(Path.Combine(Cases, caseId, "pyproject.toml")), file);

        var manifest = project.ToManifest(new DependencySelection { AllExtras = true });

        Assert.Equal(file, project.SourceName);
        Assert.NotEmpty(manifest.Requirements);
        Assert.All(manifest.Requirements, root => Assert.Equal(file, root.Origin.File));
    }

    private static TheoryData<string> CasesWith(string fileName)
    {
        var cases = new TheoryData<string>();
        if (!Directory.Exists(Cases))
        {
            return cases;
        }
        foreach (var folder in Directory.EnumerateDirectories(Cases).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, fileName)))
            {
                cases.Add(Path.GetFileName(folder));
            }
        }
        return cases;
    }
}
