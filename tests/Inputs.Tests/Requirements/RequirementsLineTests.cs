using System.Text;
using Req2Nix.Inputs.Requirements;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>pip's line reading: decoding, comments, blank lines, <c>\</c> continuations and <c>${VAR}</c> expansion.</summary>
public sealed class RequirementsLineTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["TOKEN"] = "s3cr3t",
        ["VERSION_1"] = "1.2.3",
        ["EMPTY"] = "",
    };

    [Fact]
    public void Comments_start_a_line_or_follow_whitespace_and_blank_lines_vanish()
    {
        var read = RequirementsTestFiles.Read("# a comment\n   # indented\n\n  \t \nattrs>=21.3 # after space\nclick==8.1.7\t# after tab\npkg @ https://host/p-1.0.tar.gz#sha256=00\n");

        var texts = read.Entries.Cast<RequirementEntry>().Select(entry => (entry.Location.Line, entry.Text)).ToArray();
        Assert.Equal([(5, "attrs>=21.3"), (6, "click==8.1.7"), (7, "pkg @ https://host/p-1.0.tar.gz#sha256=00")], texts);
    }

    [Fact]
    public void A_continued_line_is_numbered_by_its_first_physical_line()
    {
        var entry = RequirementsTestFiles.Single("\n\nJinja2 \\\n    >= 3.0 \\\n    , < 4\n");

        Assert.Equal(3, entry.Location.Line);
        Assert.Equal("Jinja2     >= 3.0     , < 4", entry.Text);
        Assert.Equal("<4,>=3.0", entry.Specifier.ToString());
    }

    [Fact]
    public void A_comment_line_ends_a_continuation_and_is_never_continued_itself()
    {
        var read = RequirementsTestFiles.Read("first==1 \\\n# a comment \\\nsecond==2\n# another comment \\\nthird==3\n");

        var texts = read.Entries.Cast<RequirementEntry>().Select(entry => (entry.Location.Line, entry.Text)).ToArray();
        Assert.Equal([(1, "first==1"), (3, "second==2"), (5, "third==3")], texts);
    }

    [Fact]
    public void Backslashes_at_both_ends_of_a_continued_line_go_as_in_pip()
    {
        var read = RequirementsTestFiles.Read("\\\\abc\\\\\n==1.0\nlast \\");

        var texts = read.Entries.Cast<RequirementEntry>().Select(entry => entry.Text).ToArray();
        Assert.Equal(["abc==1.0", "last"], texts);
    }

    [Fact]
    public void Lines_break_where_python_splitlines_breaks_them()
    {
        var read = RequirementsTestFiles.Read("a\r\nb\rc\fd\u2028e\u0085f\vg");

        var lines = read.Entries.Select(entry => entry.Location.Line).ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], lines);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", [0xEF, 0xBB, 0xBF, .. "requests==2.31.0\r\n"u8]);

        var entry = Assert.IsType<RequirementEntry>(Assert.Single(RequirementsTestFiles.Read(files).Entries));

        Assert.Equal("requests", entry.Name);
    }

    [Fact]
    public void A_utf16_file_with_its_byte_order_mark_reads()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("six==1.16.0\n")]);

        var entry = Assert.IsType<RequirementEntry>(Assert.Single(RequirementsTestFiles.Read(files).Entries));

        Assert.Equal("six", entry.Name);
    }

    [Fact]
    public void A_pep263_coding_line_decodes_the_file()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\n# caf\u00e9\nsix ; platform_release == '\u00e9'\n"));

        var entry = Assert.IsType<RequirementEntry>(Assert.Single(RequirementsTestFiles.Read(files).Entries));

        Assert.Equal("platform_release == \"\u00e9\"", entry.Marker!.ToString());
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_the_byte()
    {
        var files = new InMemoryFileSystem().Add("requirements.txt", [.. "six\nab"u8, 0xFF, .. "c\n"u8]);

        var error = RequirementsTestFiles.Rejected(files);

        Assert.Equal("requirements.txt:2:3", error.Location.ToString());
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_coding_is_an_error_at_its_name()
    {
        var error = RequirementsTestFiles.Rejected("six\n# coding: klingon\n");

        Assert.Equal("requirements.txt:2:11: unknown encoding 'klingon' in the coding declaration", error.Message);
    }

    [Fact]
    public void Only_braced_upper_case_variables_from_the_given_environment_are_expanded()
    {
        var read = RequirementsTestFiles.Read(
            "a==${VERSION_1}\nb @ https://u:${TOKEN}@h/b-1.0.tar.gz\nc @ https://h/${lower}/c.tar.gz\nd @ https://h/$TOKEN/d.tar.gz\ne @ https://h/${EMPTY}${UNSET}/e.tar.gz\nf @ https://h/${PATH}/f.tar.gz\n",
            Environment);

        var entries = read.Entries.Cast<RequirementEntry>().ToArray();
        Assert.Equal("==1.2.3", entries[0].Specifier.ToString());
        Assert.Equal("https://u:s3cr3t@h/b-1.0.tar.gz", entries[1].Url);
        Assert.Equal("https://h/${lower}/c.tar.gz", entries[2].Url);
        Assert.Equal("https://h/$TOKEN/d.tar.gz", entries[3].Url);
        Assert.Equal("https://h/${EMPTY}${UNSET}/e.tar.gz", entries[4].Url);
        Assert.Equal("https://h/${PATH}/f.tar.gz", entries[5].Url);
    }

    [Fact]
    public void Expansion_applies_to_option_values()
    {
        var read = RequirementsTestFiles.Read("--extra-index-url https://user:${TOKEN}@private.example/simple\n", Environment);

        var options = Assert.IsType<OptionEntry>(Assert.Single(read.Entries));
        Assert.Equal(["https://user:s3cr3t@private.example/simple"], options.ExtraIndexUrls);
    }

    [Fact]
    public void The_requirement_text_keeps_the_spaces_before_its_options()
    {
        var entry = RequirementsTestFiles.Single("certifi==2023.7.22 \\\n    --hash=sha256:539cc1d13202e33ca466e88b2807e29f4c13049d6d87031a3c110744495cb082\n");

        Assert.Equal("certifi==2023.7.22    ", entry.Text);
        Assert.Equal("certifi", entry.Name);
    }

    [Theory]
    [InlineData("   six --bad", "requirements.txt:1:8")]
    [InlineData("six==${VERSION_1} --bad", "requirements.txt:1:19")]
    [InlineData("a @ https://${TOKEN}@h/${TOKEN}/a.tar.gz --bad", "requirements.txt:1:42")]
    [InlineData("six \\\n\\\\ ==1 \\\n    --bad", "requirements.txt:3:5")]
    [InlineData("\\\nsix --bad", "requirements.txt:2:5")]
    [InlineData("six\t--bad\n", "requirements.txt:1:5")]
    public void Errors_point_at_the_physical_line_and_column(string text, string position)
    {
        var error = Assert.Throws<RequirementsFileException>(() => RequirementsTestFiles.Read(text, Environment).ToManifest());

        Assert.Equal(position, error.Location.ToString());
    }
}
