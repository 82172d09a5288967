using System.Text;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>Bad TOML fails with a position a user can go to and a reason a user can act on.</summary>
public sealed class TomlErrorTests
{
    [Theory]
    [InlineData("a = 1\nb = 2\na = 3", 3, 1, "duplicate key 'a': it is already an integer (at 1:1)")]
    [InlineData("[x]\n[x]", 2, 2, "cannot define table [x]: it is already a table (defined at 1:1)")]
    [InlineData("a = 1 b = 2", 1, 7, "expected the end of the line, found 'b'")]
    [InlineData("name = foo", 1, 8, "invalid value 'foo' (a string must be in quotes")]
    [InlineData("v = \"abc\ndef\"", 1, 5, "unterminated string")]
    [InlineData("v = [1, 2", 1, 5, "unterminated array")]
    [InlineData("v = { a = 1,\n b = 2 }", 1, 5, "unterminated inline table")]
    [InlineData("v = { a = 1, }", 1, 14, "an inline table cannot end with a comma")]
    [InlineData("v = \"a\\qb\"", 1, 7, "invalid escape sequence: 'q' after a backslash")]
    [InlineData("v = \"\\uD800\"", 1, 6, "U+D800 is not a Unicode scalar value")]
    [InlineData("v = 1__0", 1, 5, "an underscore must sit between two digits")]
    [InlineData("v = 012", 1, 5, "leading zeros are not allowed")]
    [InlineData("v = +0x10", 1, 5, "take no sign")]
    [InlineData("v = 1.", 1, 5, "a decimal point must have digits on both sides")]
    [InlineData("a.b = 1\na = 2", 2, 1, "duplicate key 'a': it is already a table defined by dotted keys (at 1:1)")]
    [InlineData("a = {b = 1}\na.c = 2", 2, 1, "'a' is already an inline table (at 1:1), which cannot be extended")]
    [InlineData("a = [1]\n[[a]]", 2, 3, "cannot append to array of tables [[a]]: it is already a static array (at 1:1)")]
    [InlineData("[[a]]\n[a]", 2, 2, "cannot define table [a]: it is already an array of tables (at 1:1)")]
    [InlineData("[a.b]\n[a]\nb.c = 1", 3, 1, "cannot add 'b.c' with a dotted key: 'b' is a table with its own header (at 1:1)")]
    [InlineData("x = 1\n[x.y]", 2, 2, "cannot define table [x.y]: 'x' is already an integer (at 1:1)")]
    [InlineData("# ok\r\nkey = 1\r", 2, 8, "a carriage return must be followed by a line feed")]
    [InlineData("a = 1 # bell \u0007", 1, 14, "control character U+0007 is not allowed in a comment")]
    [InlineData("a = 'tab\tok, del \u007f not'", 1, 18, "control character U+007F is not allowed in a literal string")]
    [InlineData("[a", 1, 3, "expected ']' to close the table header, found the end of the file")]
    [InlineData("= 1", 1, 1, "expected a key, found '='")]
    [InlineData("a", 1, 2, "expected '=' after the key, found the end of the file")]
    [InlineData("a =", 1, 4, "expected a value, found the end of the file")]
    public void Errors_point_at_the_problem_and_explain_it(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(text, "pyproject.toml"));

        Assert.Equal(new TomlPosition(line, column, "pyproject.toml"), error.Position);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal($"pyproject.toml:{line}:{column}: {error.Reason}", error.Message);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("\"é😀\" = 'ü' x", "f"));

        Assert.Equal(new TomlPosition(1, 12, "f"), error.Position);
    }

    [Fact]
    public void Lines_count_LF_and_CRLF_and_newlines_inside_multi_line_strings()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = \"\"\"\r\n1\n2\r\n\"\"\"\r\nb = [\n1,\r\n]\nc = ?"));

        Assert.Equal(new TomlPosition(8, 5), error.Position);
        Assert.Equal("8:5: expected a value, found '?'", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_where_it_starts()
    {
        var bytes = "a = 1\n# caf"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(bytes, "poetry.lock"));

        Assert.Equal("poetry.lock:2:6: the file is not valid UTF-8", error.Message);
    }

    [Fact]
    public void An_unpaired_surrogate_in_text_is_reported_where_it_stands()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = 1\nb = \"x\uD800\""));

        Assert.Equal(new TomlPosition(2, 7), error.Position);
    }

    [Fact]
    public void An_unterminated_multi_line_string_points_at_its_opening()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("\n\nlong = '''\nno\nend"));

        Assert.Equal(new TomlPosition(3, 8), error.Position);
        Assert.Contains("unterminated multi-line string", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_on_a_very_long_line_is_found_without_rescanning_the_line()
    {
        var text = new StringBuilder("a = [");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("\"é\", ");
        }
        text.Append("?]");

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(text.ToString()));

        Assert.Equal(new TomlPosition(1, 6 + (50_000 * 5)), error.Position);
    }
}
