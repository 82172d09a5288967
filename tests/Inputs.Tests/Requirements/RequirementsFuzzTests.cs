using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Req2Nix.Inputs.Requirements;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>
/// Mutates the requirements-txt corpus (byte flips, truncation, duplicated and swapped lines, inserted
/// options and syntax) with a fixed seed and reads each result, then converts it to a manifest: only
/// <see cref="RequirementsFileException"/> comes out, with a position inside the input, and each input
/// takes bounded time. A mutated file keeps its place in its repository, so its includes still resolve.
/// </summary>
public sealed class RequirementsFuzzTests
{
    private const int Seed = 0x72_65_71;
    private const int Iterations = 10_000;

    /// <summary>Far above the fraction of a millisecond a read takes; only a pathological case exceeds it.</summary>
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan WholeRunBudget = TimeSpan.FromMinutes(3);

    private const int LargestCorpusFile = 24 * 1024;

    private static readonly Regex UnmaskedPassword = new("//[^/\\s'\"]*:(p|s3cr3t)@", RegexOptions.CultureInvariant);

    private static readonly string FilesFolder = Path.Combine(SharedFolder.Conformance, "requirements-txt", "files");

    private static readonly string[] Insertions =
    [
        "\\", "\\\n", "#", " #", "${", "${TOKEN}", "}", "-r ", "-c ", "-e ", "--hash=", "--hash=sha256:", "-i ", "--no-binary ", ":all:",
        "--config-settings=", "-C", "--global-option=", "--pre", "--", "'", "\"", "[", "]", ";", " ; ", "@", " @ ", "\n", "\r", "\r\n", "\f",
        "==", ">=", "~=", "===", "(", ")", ",", "git+", "https://", "file:", "://u:p@", "#egg=", "&subdirectory=", "https://u:${TOKEN}@h/", "git+https://u:p@github.com/o/r.git#egg=r", ".whl", ".tar.gz", "./", "../",
        "-", " ", "\t", "\u00a0", "\u2028", "\uFEFF", "é", "python_version < '3'", "extra == 'x'", "# -*- coding: latin-1 -*-\n", "# coding: klingon\n",
        "-r requirements.txt", "-e .", "--use-feature=", "--no-index", "-f ", "--extra-index-url=",
    ];

    private static readonly byte[] InterestingBytes =
        "\\#$@;[]()'\"-=<>~,:\n\r\t {}"u8.ToArray().Concat(new byte[] { 0x00, 0x0B, 0x0C, 0x1C, 0x7F, 0xC3, 0xE2, 0xEF, 0xFE, 0xFF }).ToArray();

    [ConformanceTheory("requirements-txt")]
    [InlineData(0)]
    [InlineData(1)]
    public Task Mutated_files_fail_only_with_a_positioned_RequirementsFileException(int round)
    {
        var corpus = Corpus();
        var environment = new Dictionary<string, string> { ["TOKEN"] = "s3cr3t" };
        return new Fuzzer<(string Path, byte[] Bytes), RequirementsFileException>
        {
            Seed = Seed + round,
            Iterations = Iterations / 2,
            PerInputLimit = PerInputBudget,
            WholeRunLimit = WholeRunBudget,
            Next = random =>
            {
                var (path, original) = corpus[random.Next(corpus.Count)];
                return (path, Mutate(original, random));
            },
            Run = input =>
            {
                var options = new RequirementsReadOptions(RepositoryOf(input.Path))
                {
                    Environment = environment,
                    FileSystem = new OverlayFileSystem(input.Path, input.Bytes),
                };
                RequirementsFile.Read(input.Path, options).ToManifest();
            },
            ProblemWith = static (input, error) =>
            {
                var inTopFile = error.Location.File == Path.GetRelativePath(RepositoryOf(input.Path), input.Path);
                return error.Location.Line < 1 || error.Location.Column < 1 || (inTopFile && error.Location.Line > input.Bytes.Length + 1)
                    || !error.Message.StartsWith($"{error.Location}: ", StringComparison.Ordinal) || ShowsCredentials(error.Message)
                    ? $"bad error '{error.Message}'"
                    : null;
            },
            Describe = static input => Describe(input.Bytes),
        }.AssertNoFailuresAsync();
    }

    /// <summary>The repository folder a corpus file belongs to: the working directory its includes and paths were resolved from.</summary>
    private static string RepositoryOf(string path) =>
        Path.Combine(FilesFolder, Path.GetRelativePath(FilesFolder, path).Split(Path.DirectorySeparatorChar)[0]);

    /// <summary>A password in a URL's user-info (<c>user:password@</c>) shown unmasked.</summary>
    private static bool ShowsCredentials(string message) => UnmaskedPassword.IsMatch(message);

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var mutations = 1 + random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    var at = random.Next(bytes.Count);
                    bytes[at] = random.Next(2) == 0 ? InterestingBytes[random.Next(InterestingBytes.Length)] : (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    var cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 2:
                    var lines = Lines(bytes);
                    if (lines.Count > 0)
                    {
                        var line = lines[random.Next(lines.Count)];
                        bytes.InsertRange(random.Next(bytes.Count + 1), line);
                    }
                    break;
                case 3:
                    var swapped = Lines(bytes);
                    if (swapped.Count > 1)
                    {
                        var (a, b) = (random.Next(swapped.Count), random.Next(swapped.Count));
                        (swapped[a], swapped[b]) = (swapped[b], swapped[a]);
                        bytes = swapped.SelectMany(line => line).ToList();
                    }
                    break;
                default:
                    var insertion = Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)]);
                    bytes.InsertRange(random.Next(bytes.Count + 1), insertion);
                    break;
            }
        }
        return [.. bytes];
    }

    private static List<byte[]> Lines(List<byte> bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add([.. bytes.GetRange(start, i + 1 - start)]);
                start = i + 1;
            }
        }
        if (start < bytes.Count)
        {
            lines.Add([.. bytes.GetRange(start, bytes.Count - start)]);
        }
        return lines;
    }

    private static List<(string, byte[])> Corpus() =>
        Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".toml", StringComparison.Ordinal) && new FileInfo(file).Length <= LargestCorpusFile)
            .Order(StringComparer.Ordinal)
            .Select(file => (file, File.ReadAllBytes(file)))
            .ToList();

    private static string Describe(byte[] input) =>
        Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 600)));

    /// <summary>The machine's file system with one file's bytes replaced.</summary>
    private sealed class OverlayFileSystem(string path, byte[] bytes) : IRequirementsFileSystem
    {
        public bool TryReadAllBytes(string file, [NotNullWhen(true)] out byte[]? content, [NotNullWhen(false)] out string? problem)
        {
            if (file == path)
            {
                (content, problem) = (bytes, null);
                return true;
            }
            return PhysicalRequirementsFileSystem.Instance.TryReadAllBytes(file, out content, out problem);
        }

        public bool FileExists(string file) => file == path || PhysicalRequirementsFileSystem.Instance.FileExists(file);

        public bool DirectoryExists(string directory) => PhysicalRequirementsFileSystem.Instance.DirectoryExists(directory);
    }
}
