using System.Diagnostics;
using Req2Nix.Cli;

namespace Req2Nix.Cli.Tests;

public class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb\n", "old", "new"));
    }

    [Fact]
    public void A_changed_line_shows_with_three_lines_of_context()
    {
        var old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var changed = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        Assert.Equal(
            "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
            UnifiedDiff.Create(old, changed, "old", "new"));
    }

    [Fact]
    public void Insertions_into_an_empty_text_start_at_line_zero()
    {
        Assert.Equal("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create("", "a\nb\n", "old", "new"));
    }

    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

    /// <summary>Random edits, checked by letting GNU patch apply the diff: the result must be the new text.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Patch_applies_the_diff_to_get_the_new_text(int seed)
    {
        if (!File.Exists("/usr/bin/patch"))
        {
            return;
        }
        var random = new Random(seed);
        var old = Enumerable.Range(0, random.Next(0, 200)).Select(i => $"line {random.Next(0, 30)}").ToList();
        var changed = new List<string>(old);
        for (var edits = random.Next(1, 30); edits > 0; edits--)
        {
            var at = random.Next(0, changed.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < changed.Count:
                    changed.RemoveAt(at);
                    break;
                case 1 when at < changed.Count:
                    changed[at] = $"changed {random.Next(0, 10)}";
                    break;
                default:
                    changed.Insert(at, $"new {random.Next(0, 10)}");
                    break;
            }
        }
        var oldText = old.Count == 0 ? "" : string.Join('\n', old) + "\n";
        var newText = changed.Count == 0 ? "" : string.Join('\n', changed) + "\n";
        var diff = UnifiedDiff.Create(oldText, newText, "a/file", "b/file");

        var directory = Directory.CreateTempSubdirectory("req2nix-diff-");
        try
        {
            var target = Path.Combine(directory.FullName, "file");
            File.WriteAllText(target, oldText);
            if (diff.Length > 0)
            {
                var start = new ProcessStartInfo("/usr/bin/patch", ["--quiet", "--force", target])
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var process = Process.Start(start)!;
                process.StandardInput.Write(diff);
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEnd();
                var stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"patch failed: {stdout}{stderr}\n{diff}");
            }
            Assert.Equal(newText, File.ReadAllText(target));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
