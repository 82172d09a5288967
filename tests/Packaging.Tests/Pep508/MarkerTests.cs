using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Packaging.Tests.Pep508;

public class MarkerTests
{
    [Fact]
    public void And_binds_tighter_than_or()
    {
        var marker = Marker.Parse("os_name == 'a' or os_name == 'b' and python_version > '3'");

        var or = Assert.IsType<MarkerOr>(marker.Expression);
        Assert.IsType<MarkerComparison>(or.Operands[0]);
        var and = Assert.IsType<MarkerAnd>(or.Operands[1]);
        Assert.False(and.IsParenthesized);
        Assert.Equal(2, and.Operands.Count);
    }

    [Fact]
    public void Comparison_exposes_operands_and_operator()
    {
        var comparison = Assert.IsType<MarkerComparison>(Marker.Parse("'3.8' <= python.version".Replace("python.version", "python_version", StringComparison.Ordinal)).Expression);

        Assert.Equal(MarkerOperand.ForLiteral("3.8"), comparison.Left);
        Assert.Equal(MarkerOperator.LessThanOrEqual, comparison.Operator);
        Assert.True(comparison.Right.IsVariable);
        Assert.Equal(MarkerVariable.PythonVersion, comparison.Right.Variable);
    }

    [Theory]
    [InlineData("os.name == 'nt'", "os_name == \"nt\"")]
    [InlineData("sys.platform == 'win32'", "sys_platform == \"win32\"")]
    [InlineData("platform.version == 'x'", "platform_version == \"x\"")]
    [InlineData("platform.machine == 'x'", "platform_machine == \"x\"")]
    [InlineData("platform.python_implementation == 'x'", "platform_python_implementation == \"x\"")]
    [InlineData("python_implementation == 'x'", "platform_python_implementation == \"x\"")]
    public void Legacy_spellings_map_to_pep_508_names(string input, string printed) => Assert.Equal(printed, Marker.Parse(input).ToString());

    [Theory]
    [InlineData("(os_name == 'a')", "os_name == \"a\"")]
    [InlineData("((os_name == 'a' or os_name == 'b'))", "os_name == \"a\" or os_name == \"b\"")]
    [InlineData("(os_name == 'a' and os_name == 'b') or os_name == 'c'", "(os_name == \"a\" and os_name == \"b\") or os_name == \"c\"")]
    [InlineData("os_name == 'a' and (os_name == 'b' and os_name == 'c')", "os_name == \"a\" and (os_name == \"b\" and os_name == \"c\")")]
    [InlineData("((os_name == 'a' or os_name == 'b')) and (os_name == 'c')", "(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"")]
    [InlineData("os_name=='a'and(os_name=='b')or\tos_name=='c'", "os_name == \"a\" and os_name == \"b\" or os_name == \"c\"")]
    public void Parentheses_print_as_packaging_keeps_them(string input, string printed) => Assert.Equal(printed, Marker.Parse(input).ToString());

    [Theory]
    [InlineData("os_name == 'say \"hi\"'", "os_name == 'say \"hi\"'")]
    [InlineData("os_name == \"it's\"", "os_name == \"it's\"")]
    [InlineData("os_name == '\\x41\\u00e9\\101\\t'", "os_name == \"A\u00e9A\t\"")]
    [InlineData("os_name == '\\d'", "os_name == \"\\d\"")]
    [InlineData("os_name == 'a\\\nb'", "os_name == \"ab\"")]
    [InlineData("os_name == '\\U0001F600'", "os_name == \"\U0001F600\"")]
    public void String_literals_are_read_as_python_reads_them(string input, string printed) => Assert.Equal(printed, Marker.Parse(input).ToString());

    [Fact]
    public void Value_with_both_quotes_prints_with_escapes_that_read_back()
    {
        var marker = Marker.Parse("os_name == '\\x22\\x27\\\\'");
        var literal = ((MarkerComparison)marker.Expression).Right.Literal;

        Assert.Equal("\"'\\", literal);
        Assert.Equal("os_name == \"\\x22'\\\\\"", marker.ToString());
        Assert.Equal(literal, ((MarkerComparison)Marker.Parse(marker.ToString()).Expression).Right.Literal);
    }

    [Theory]
    [InlineData("os_name == 'a\\N{DASH}'")]
    [InlineData("os_name == '\\U00110000'")]
    [InlineData("os_name == '\\u12'")]
    [InlineData("os_name == 'a\u0000'")]
    public void Strings_python_rejects_are_rejected(string input) => Assert.False(Marker.TryParse(input, out _, out _));

    [Fact]
    public void Unpaired_surrogate_in_a_string_is_rejected()
    {
        Assert.False(Marker.TryParse("os_name == 'a" + '\ud800' + "'", out _, out var error));
        Assert.Equal(13, error.Column);
        Assert.True(Marker.TryParse("os_name == '\\ud800'", out _, out _), "an escape may produce one, as in Python");
    }

    [Fact]
    public void Extra_literals_are_normalized_when_parsed()
    {
        var marker = Marker.Parse("extra == 'Foo_Bar' or 'A.B' == extra or 'Group_1' in dependency_groups or 'X' in extras");

        Assert.Equal("extra == \"foo-bar\" or \"a-b\" == extra or \"group-1\" in dependency_groups or \"x\" in extras", marker.ToString());
        Assert.Equal(Marker.Parse("extra == 'foo-bar' or 'a_b' == extra or 'group.1' in dependency_groups or 'x' in extras"), marker);
    }

    [Fact]
    public void Knows_whether_and_which_extras_it_mentions()
    {
        var marker = Marker.Parse("(extra == 'Socks' or extra == 'tests') and python_version < '3.8' or 'x' in extras or extra == 'socks'");

        Assert.True(marker.MentionsExtra);
        Assert.Equal([ExtraName.Parse("socks"), ExtraName.Parse("tests")], marker.ReferencedExtras);
        Assert.False(Marker.Parse("python_version < '3.8' or 'x' in extras").MentionsExtra);
        Assert.Empty(Marker.Parse("python_version < '3.8'").ReferencedExtras);
    }

    [Fact]
    public void And_and_or_combine_as_packaging_does()
    {
        var compound = Marker.Parse("os_name == 'a' or python_version > '3'");
        var single = Marker.Parse("(extra == 'x')");

        Assert.Equal("(os_name == \"a\" or python_version > \"3\") and extra == \"x\"", compound.And(single).ToString());
        Assert.Equal("extra == \"x\" or (os_name == \"a\" or python_version > \"3\")", single.Or(compound).ToString());
        Assert.Equal("extra == \"x\" and extra == \"x\"", single.And(single).ToString());
    }

    [Fact]
    public void Equal_when_printed_the_same()
    {
        var a = Marker.Parse("python_version>'3'and(os_name=='nt')");
        var b = Marker.Parse("python_version > \"3\" and os_name == \"nt\"");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Marker.Parse("os_name == 'nt' and python_version > '3'"));
    }

    [Fact]
    public void Parse_errors_carry_a_column()
    {
        var thrown = Assert.Throws<MarkerParseException>(() => Marker.Parse("python_version >= '3' or"));
        Assert.Equal(24, thrown.Column);
        Assert.IsAssignableFrom<FormatException>(thrown);
        Assert.False(Marker.TryParse("", out _, out var error));
        Assert.Equal(0, error.Column);
        Assert.False(Marker.TryParse(null, out _, out _));
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = new string('(', 64) + "os_name == 'a'" + new string(')', 64);
        var tooDeep = "(" + deep + ")";

        Assert.True(Marker.TryParse(deep, out _, out _));
        Assert.False(Marker.TryParse(tooDeep, out _, out var error));
        Assert.Equal(64, error.Column);
    }
}
