using Req2Nix.Inputs.Requirements;
using Req2Nix.Resolver;

namespace Req2Nix.Inputs.Tests.Requirements;

/// <summary>pip's option parsing of a requirements line: global options, per-requirement options, optparse's spellings and errors.</summary>
public sealed class RequirementsOptionTests
{
    private const string Sha256A = "539cc1d13202e33ca466e88b2807e29f4c13049d6d87031a3c110744495cb082";
    private const string Sha256B = "92d6037539857d8206b8f6ae472e8b77db8058fec5937a1ef3f54304089edbb9";

    [Fact]
    public void Global_options_set_what_pip_calls_them()
    {
        var read = RequirementsTestFiles.Read(
            "-i https://a.example/simple\n--index-url=https://b.example/simple --extra-index-url https://c.example/simple\n" +
            "--extra-index-url=https://d.example/simple\n-f ./wheels\n--find-links https://e.example/links.html\n--no-index\n" +
            "--trusted-host c.example\n--pre\n--prefer-binary\n--require-hashes\n--use-feature=truststore\n--pypi-url https://old.example/simple\n");

        var lines = read.Entries.Cast<OptionEntry>().ToArray();
        Assert.Equal("https://a.example/simple", lines[0].IndexUrl);
        Assert.Equal("https://b.example/simple", lines[1].IndexUrl);
        Assert.Equal(["https://c.example/simple"], lines[1].ExtraIndexUrls);
        Assert.Equal(["https://d.example/simple"], lines[2].ExtraIndexUrls);
        Assert.Equal(["./wheels"], lines[3].FindLinks);
        Assert.Equal(["https://e.example/links.html"], lines[4].FindLinks);
        Assert.True(lines[5].NoIndex);
        Assert.Equal(["c.example"], lines[6].TrustedHosts);
        Assert.True(lines[7].Pre);
        Assert.True(lines[8].PreferBinary);
        Assert.True(lines[9].RequireHashes);
        Assert.Equal(["truststore"], lines[10].FeaturesEnabled);
        Assert.Equal("https://old.example/simple", lines[11].IndexUrl);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("--extra-index https://x.example/simple")]
    [InlineData("--extra-index-u=https://x.example/simple")]
    [InlineData("--ex https://x.example/simple")]
    public void Long_options_may_be_abbreviated_as_optparse_allows(string line)
    {
        var options = Assert.IsType<OptionEntry>(Assert.Single(RequirementsTestFiles.Read(line).Entries));

        Assert.Equal(["https://x.example/simple"], options.ExtraIndexUrls);
    }

    [Theory]
    [InlineData("-ihttps://x.example/simple")]
    [InlineData("-i 'https://x.example/simple'")]
    [InlineData("--index-url \"https://x.example/simple\"")]
    [InlineData("-i https://x.example/\\simple")]
    public void Values_are_shell_words(string line)
    {
        var options = Assert.IsType<OptionEntry>(Assert.Single(RequirementsTestFiles.Read(line).Entries));

        Assert.Equal("https://x.example/simple", options.IndexUrl);
    }

    [Theory]
    [InlineData("bad-pkg --no-such-option", "requirements.txt:1:9: unknown option --no-such-option")]
    [InlineData("--no", "requirements.txt:1:1: ambiguous option --no (could be --no-binary, --no-index)")]
    [InlineData("--pre=yes", "requirements.txt:1:1: --pre does not take a value")]
    [InlineData("six -i", "requirements.txt:1:5: -i needs a value")]
    [InlineData("six --hash", "requirements.txt:1:5: --hash needs a value")]
    [InlineData("six -x", "requirements.txt:1:5: unknown option -x")]
    [InlineData("--use-feature=fast", "requirements.txt:1:1: --use-feature: invalid choice 'fast' (choose from 'fast-deps', 'truststore', 'no-binary-enable-wheel-cache')")]
    [InlineData("six --hash=md5:0a", "requirements.txt:1:5: --hash: the hash algorithm 'md5' is not allowed; use sha256, sha384 or sha512")]
    [InlineData("six --hash=0a", "requirements.txt:1:5: --hash needs a hash name and a value, like --hash=sha256:<hex digest>")]
    [InlineData("six -C key", "requirements.txt:1:5: -C needs a value of the form KEY=VALUE")]
    [InlineData("--no-binary --pre", "requirements.txt:1:1: --no-binary needs a value: names separated by commas, :all: or :none:")]
    [InlineData("six --global-option 'unclosed", "requirements.txt:1:21: could not split the options: this quote is never closed")]
    [InlineData("six \\\n  --no-such-option", "requirements.txt:2:3: unknown option --no-such-option")]
    public void Bad_options_are_errors_at_their_position(string text, string message)
    {
        var error = RequirementsTestFiles.Rejected(text);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Hashes_collect_from_the_line_and_its_continuations_in_order()
    {
        var entry = RequirementsTestFiles.Single(
            $"certifi==2023.7.22 --hash=sha256:{Sha256A} \\\n    --hash sha256:{Sha256B} \\\n    --hash=sha512:{new string('c', 128)}\n");

        Assert.Equal([new HashPin("sha256", Sha256A), new HashPin("sha256", Sha256B), new HashPin("sha512", new string('c', 128))], entry.Hashes);
    }

    [Fact]
    public void Config_settings_repeat_into_lists_as_in_pip()
    {
        var entry = RequirementsTestFiles.Single("simplejson==3.19.1 -C a=1 --config-settings=b=2 --config-settings a=3 -Cc=x=y --global-option=--no-speedups\n");

        Assert.Equal(["1", "3"], entry.ConfigSettings["a"]);
        Assert.Equal(["2"], entry.ConfigSettings["b"]);
        Assert.Equal(["x=y"], entry.ConfigSettings["c"]);
        Assert.Equal(["--no-speedups"], entry.GlobalOptions);
    }

    [Fact]
    public void Install_option_is_unknown_to_pip_23_2()
    {
        var error = RequirementsTestFiles.Rejected("six --install-option=--prefix=/x\n");

        Assert.Equal("requirements.txt:1:5: unknown option --install-option", error.Message);
    }

    [Theory]
    [InlineData("--no-binary :all:", ":all:", "")]
    [InlineData("--only-binary=numpy,SciPy", "", "numpy,scipy")]
    [InlineData("--no-binary :all: --only-binary numpy", ":all:", "numpy")]
    [InlineData("--only-binary :all: --no-binary numpy", "numpy", ":all:")]
    [InlineData("--no-binary a,b --only-binary b", "a", "b")]
    [InlineData("--no-binary a,:all:", ":all:", "")]
    [InlineData("--no-binary a,:all:,:none:,b", "b", "")]
    [InlineData("--no-binary a --no-binary :none:", "", "")]
    [InlineData("--only-binary :all: --no-binary :all:", ":all:", "")]
    public void Format_control_values_combine_as_pips_mutual_excludes(string line, string noBinary, string onlyBinary)
    {
        var options = Assert.IsType<OptionEntry>(Assert.Single(RequirementsTestFiles.Read(line).Entries));

        var sets = options.LineFormatControl();
        Assert.Equal(noBinary, string.Join(",", sets.NoBinary.Order(StringComparer.Ordinal)));
        Assert.Equal(onlyBinary, string.Join(",", sets.OnlyBinary.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Options_pip_ignores_are_warnings()
    {
        var read = RequirementsTestFiles.Read($"six --pre -i https://x.example/simple\n--pre leftover\n--hash=sha256:{Sha256A}\n-e ./pkg --hash=sha256:{Sha256A}\n");

        var warnings = read.Warnings.Select(warning => warning.ToString()).ToArray();
        Assert.Equal(
            [
                "requirements.txt:1:5: warning: --pre has no effect on a requirement line; pip ignores it",
                "requirements.txt:1:11: warning: --index-url has no effect on a requirement line; pip ignores it",
                "requirements.txt:2:7: warning: 'leftover' is neither an option nor an option's value; pip ignores it",
                "requirements.txt:3:1: warning: --hash without a requirement on the line is ignored",
                "requirements.txt:4:10: warning: --hash has no effect on an editable requirement line; pip ignores it",
            ],
            warnings);
    }

    [Fact]
    public void A_requirement_line_wins_over_an_editable_on_it_as_in_pip()
    {
        var entry = RequirementsTestFiles.Single("six -e ./pkg\n");

        Assert.False(entry.Editable);
        Assert.Equal("six", entry.Text);
    }
}
