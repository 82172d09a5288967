using System.Text;
using Req2Nix.Inputs.Toml;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>
/// Mutates TOML documents (byte flips, truncation, duplicated and swapped lines, inserted brackets
/// and quotes) with a fixed seed: the reader either returns a document or throws a
/// <see cref="TomlException"/> with a position inside the input, never anything else, and each input
/// takes bounded time.
/// </summary>
public sealed class TomlFuzzTests
{
    private const int Seed = 0x70_6D_6C;
    private const int Iterations = 30_000;

    /// <summary>Far above the microseconds a parse takes; only a pathological (e.g. quadratic) case exceeds it.</summary>
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan WholeRunBudget = TimeSpan.FromMinutes(2);

    /// <summary>Corpus files larger than this are left out to keep the run at a few seconds.</summary>
    private const int LargestCorpusFile = 24 * 1024;

    private static readonly string[] Insertions =
    [
        "[", "]", "[[", "]]", "{", "}", "\"", "'", "\"\"\"", "'''", "=", ".", ",", "#", "\n", "\r", "\r\n",
        "\\", "\\u", "\\U0010FFFF", "_", "-", "+", ":", "T", "Z", " ", "\t", "0x", "1e", "inf", "nan",
        "1979-05-27", "07:32:00", "a.b", "\u00e9", "\uFEFF",
    ];

    private static readonly byte[] InterestingBytes =
        "[]{}\"'=.,#\n\r\\_-+:0eTZ \t"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0xC3, 0xE2, 0xF0, 0xFF }).ToArray();

    [Fact]
    public Task Mutated_documents_fail_only_with_a_positioned_TomlException()
    {
        var corpus = Corpus();
        return new Fuzzer<byte[], TomlException>
        {
            Seed = Seed,
            Iterations = Iterations,
            PerInputLimit = PerInputBudget,
            WholeRunLimit = WholeRunBudget,
            Next = random => Mutate(corpus[random.Next(corpus.Count)], random),
            Run = input => TomlReader.Parse(input, "fuzz.toml"),
            ProblemWith = static (input, error) =>
            {
                var lines = input.Count(b => b == '\n') + 1;
                return error.Line < 1 || error.Line > lines || error.Column < 1 || error.Column > input.Length + 1 || error.SourceName != "fuzz.toml"
                    ? $"bad position {error.Position}"
                    : null;
            },
            Describe = Describe,
        }.AssertNoFailuresAsync();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)]));
                    break;
                case 4:
                    DuplicateLine(bytes, random);
                    break;
                case 5:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string(Insertions[random.Next(3)][0], random.Next(1, 300))));
                    break;
            }
        }
        return [.. bytes];
    }

    private static void DuplicateLine(List<byte> bytes, Random random)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        var line = random.Next(starts.Count);
        var end = line + 1 < starts.Count ? starts[line + 1] : bytes.Count;
        var copy = bytes.GetRange(starts[line], end - starts[line]);
        if (copy.Count == 0 || copy[^1] != '\n')
        {
            copy.Add((byte)'\n');
        }
        bytes.InsertRange(starts[random.Next(starts.Count)], copy);
    }

    private static string Describe(byte[] input) =>
        input.Length <= 200 ? $"base64 {Convert.ToBase64String(input)}" : $"{input.Length} bytes starting {Convert.ToBase64String(input[..200])}";

    /// <summary>Built-in documents, plus the small files of the shared suites when present.</summary>
    private static List<byte[]> Corpus()
    {
        var corpus = new List<byte[]>
        {
            """
            # a poetry.lock in miniature
            [[package]]
            name = "requests"
            version = "2.32.3"
            description = "Python HTTP for Humans."
            optional = false
            python-versions = ">=3.8"
            groups = ["main"]
            files = [
                {file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6"},
            ]

            [package.dependencies]
            idna = ">=2.5,<4"
            urllib3 = {version = ">=1.21.1,<3", markers = "python_version >= \"3.8\""}

            [package.extras]
            socks = ["PySocks (>=1.5.6,!=1.5.7)"]

            [metadata]
            lock-version = "2.1"
            python-versions = "^3.9"
            content-hash = "0123abcd"
            """u8.ToArray(),
            """
            int = [0x_1, 0o7_7, 0b1, -0, +1_000, 9_223_372_036_854_775_807]
            flt = [1.0, -1e-5, 6.02E+23, inf, -nan, 1_0.0_1]
            dt = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00.999999-07:00, 1979-05-27, 07:32:00.5]
            str = ["\u00e9\U0001F600\t\"", 'C:\path', '''
            raw ''
            ''', \"\"\"
            joined \
               line\"\"\"]
            "quoted key".'x y' = { a = { b = 1 }, c.d = [ ] }
            [a.'b'."c"]
            [[x.y]]
            [[x.y]]
            z = true
            """u8.ToArray(),
        };
        foreach (var suite in new[] { "toml", "poetry-lock" })
        {
            var folder = Path.Combine(SharedFolder.Conformance, suite);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder, "*.toml", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(folder, "poetry.lock", SearchOption.AllDirectories))
                .Order(StringComparer.Ordinal))
            {
                if (new FileInfo(file).Length <= LargestCorpusFile)
                {
                    corpus.Add(File.ReadAllBytes(file));
                }
            }
        }
        return corpus;
    }
}
