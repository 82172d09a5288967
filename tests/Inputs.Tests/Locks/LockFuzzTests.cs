using System.Text;
using Req2Nix.Inputs.Locks;
using Req2Nix.Inputs.Locks.Poetry;
using Req2Nix.Inputs.Locks.Pylock;
using Req2Nix.Inputs.Locks.Uv;
using Req2Nix.Inputs.Pyproject;
using Req2Nix.Inputs.Toml;
using Req2Nix.Packaging.Targets;
using Req2Nix.Resolver;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Locks;

/// <summary>
/// Mutates real and sample files (byte flips, truncation, duplicated, deleted and swapped lines,
/// values of the wrong shape) with a fixed seed and runs each reader and its conversion on them:
/// only the reader's own exception type comes out, with a position inside the input, and each
/// input takes bounded time.
/// </summary>
public sealed class LockFuzzTests
{
    private const int Iterations = 4_000;

    /// <summary>Corpus files larger than this are left out to keep each run at a few seconds.</summary>
    private const int LargestCorpusFile = 24 * 1024;

    private static readonly TimeSpan PerInputBudget = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan WholeRunBudget = TimeSpan.FromMinutes(2);

    private static readonly ResolutionTarget Target = new(PythonTarget.Parse("3.11"), SystemSet.All);

    private static readonly string[] Values =
    [
        "1", "true", "\"x\"", "[]", "{}", "\"^1 || <>\"", "\"sys_platform == \"", "[1, \"a\"]", "\"999.0\"", "\"sha256:zz\"",
        "{ x = 1 }", "\"../..\"", "\"git+https://u:p@h/r@v\"", "\"\"", "\"*\"", "[\"main\", 3]", "{ main = 1 }", "\"2.0\"",
        "\"extra == 'x'\"", "[{ name = \"zzz\" }]", "\"1.0a1.*\"", "-1", "\"python_version >= '3'\"", "{ registry = \"r\" }",
    ];

    private static readonly string[] Lines =
    [
        "[[package]]", "[[packages]]", "name = \"x\"", "version = \"1\"", "[metadata]", "lock-version = \"2.1\"", "version = 1",
        "markers = {main = 1}", "dependencies = [{ name = \"zzz\" }]", "[package.dependencies]", "x = [1]", "[package.extras]",
        "[metadata.files]", "source = { editable = \".\" }", "[package.optional-dependencies]", "[dependency-groups]",
        "a = [{include-group = \"a\"}]", "[tool.poetry.dependencies]", "optional = true", "groups = [\"dev\"]",
    ];

    [SharedFact("conformance/poetry-lock")]
    public Task Poetry_lock_reader_and_conversion_fail_only_with_LockFileException() =>
        Fuzz<LockFileException>(0x5045, CorpusFiles("poetry.lock"), "poetry.lock", bytes =>
            PoetryLockReader.Read(bytes, "poetry.lock").ToResolution(Target));

    [Fact]
    public Task Uv_lock_reader_and_conversion_fail_only_with_LockFileException() =>
        Fuzz<LockFileException>(0x5556, [LockSamples.Read("uv.lock"), LockSamples.Read("uv-workspace.lock")], "uv.lock", bytes =>
            UvLockReader.Read(bytes, "uv.lock").ToResolution(Target, new DependencySelection { AllExtras = true }));

    [Fact]
    public Task Pylock_reader_and_conversion_fail_only_with_LockFileException() =>
        Fuzz<LockFileException>(0x504C, [LockSamples.Read("pylock.toml")], "pylock.toml", bytes =>
            PylockReader.Read(bytes, "pylock.toml").ToResolution(Target, new DependencySelection { AllExtras = true }));

    [SharedFact("conformance/poetry-lock")]
    public Task Pyproject_reader_fails_only_with_PyprojectException() =>
        Fuzz<PyprojectException>(0x5050, CorpusFiles("pyproject.toml"), "pyproject.toml", bytes =>
        {
            var project = PyprojectReader.Read(bytes, "pyproject.toml");
            project.ToManifest(new DependencySelection { AllExtras = true });
            PyprojectReader.ReadBuildSystem(bytes, "pyproject.toml");
        });

    private static Task Fuzz<TException>(int seed, List<byte[]> corpus, string sourceName, Action<byte[]> run)
        where TException : Exception
    {
        Assert.NotEmpty(corpus);
        // The first conversion builds shared tables (wheel tags per system); it is not what the limit measures.
        try
        {
            run(corpus[0]);
        }
        catch (TException)
        {
        }
        return new Fuzzer<byte[], TException>
        {
            Seed = seed,
            Iterations = Iterations,
            PerInputLimit = PerInputBudget,
            WholeRunLimit = WholeRunBudget,
            Next = random => Mutate(corpus[random.Next(corpus.Count)], random),
            Run = run,
            ProblemWith = (input, error) =>
            {
                var position = (TomlPosition)typeof(TException).GetProperty("Position")!.GetValue(error)!;
                var lines = input.Count(b => b == '\n') + 1;
                return position.Line < 1 || position.Line > lines || position.Column < 1 || position.SourceName != sourceName
                    || !error.Message.StartsWith($"{position}: ", StringComparison.Ordinal)
                    ? $"bad position {position} in '{error.Message}'"
                    : null;
            },
            Describe = Describe,
        }.AssertNoFailuresAsync();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var lines = new List<string>(Encoding.UTF8.GetString(original).Split('\n'));
        var mutations = random.Next(1, 4);
        byte[]? bytes = null;
        for (var i = 0; i < mutations; i++)
        {
            var line = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    if (bytes.Length > 0)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }
                    return bytes;
                case 1:
                    bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    return bytes[..random.Next(bytes.Length + 1)];
                case 2:
                    lines.Insert(random.Next(lines.Count + 1), lines[line]);
                    break;
                case 3 when lines.Count > 1:
                    lines.RemoveAt(line);
                    break;
                case 4:
                    (lines[line], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[line]);
                    break;
                case 5:
                    var equals = lines[line].IndexOf(" = ", StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        lines[line] = lines[line][..(equals + 3)] + Values[random.Next(Values.Length)];
                    }
                    break;
                default:
                    lines.Insert(random.Next(lines.Count + 1), Lines[random.Next(Lines.Length)]);
                    break;
            }
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static List<byte[]> CorpusFiles(string fileName)
    {
        var files = new List<byte[]>();
        var cases = Path.Combine(SharedFolder.Conformance, "poetry-lock", "cases");
        foreach (var folder in Directory.EnumerateDirectories(cases).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, fileName);
            if (File.Exists(path) && new FileInfo(path).Length <= LargestCorpusFile)
            {
                files.Add(File.ReadAllBytes(path));
            }
        }
        return files;
    }

    private static string Describe(byte[] input) =>
        input.Length <= 300 ? $"base64 {Convert.ToBase64String(input)}" : $"{input.Length} bytes starting {Convert.ToBase64String(input[..300])}";
}
