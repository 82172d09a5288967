using System.Text;
using Req2Nix.Inputs.Toml;

namespace Req2Nix.Inputs.Tests.Toml;

/// <summary>What the document model holds for each kind of value, beyond what toml-test checks.</summary>
public sealed class TomlValueTests
{
    [Theory]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9_223_372_036_854_775_807", long.MaxValue)]
    [InlineData("0o777", 511)]
    [InlineData("0b1_0000", 16)]
    [InlineData("0xDEAD_beef", 0xDEADBEEF)]
    [InlineData("-0", 0)]
    [InlineData("+17", 17)]
    public void Integers_in_every_radix_fill_64_bits(string text, long expected)
    {
        var value = TomlReader.Parse($"v = {text}").GetInteger("v");

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("0x8000000000000000")]
    [InlineData("0b1_0000000000000000000000000000000000000000000000000000000000000000")]
    public void Integers_beyond_64_bits_are_rejected(string text)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse($"v = {text}"));

        Assert.Contains("does not fit in 64 bits", error.Reason, StringComparison.Ordinal);
        Assert.Equal(new TomlPosition(1, 5), error.Position);
    }

    [Theory]
    [InlineData("1e1000", double.PositiveInfinity)]
    [InlineData("-1e1000", double.NegativeInfinity)]
    [InlineData("1_000.000_1", 1000.0001)]
    [InlineData("5e-324", 5e-324)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("1E2", 100.0)]
    public void Floats_parse_to_the_nearest_double(string text, double expected)
    {
        Assert.Equal(expected, TomlReader.Parse($"v = {text}").GetFloat("v"));
    }

    [Fact]
    public void Negative_zero_keeps_its_sign_and_nan_is_nan()
    {
        var document = TomlReader.Parse("z = -0.0\nn = -nan");

        Assert.True(double.IsNegative(document.GetFloat("z")));
        Assert.True(double.IsNaN(document.GetFloat("n")));
    }

    [Fact]
    public void Date_times_keep_their_kind_parts_and_precision()
    {
        var document = TomlReader.Parse(
            "odt = 1979-05-27T07:32:00.123456789-07:00\nldt = 1979-05-27 07:32:00\nld = 1979-05-27\nlt = 07:32:00.5");

        var odt = document.GetDateTime("odt");
        Assert.Equal(TomlValueKind.OffsetDateTime, odt.Kind);
        Assert.Equal(new DateOnly(1979, 5, 27), odt.Date);
        Assert.Equal(new TimeOnly(7, 32, 0).Add(TimeSpan.FromTicks(1_234_567)), odt.Time);
        Assert.Equal(TimeSpan.FromHours(-7), odt.Offset);
        Assert.Equal(9, odt.FractionDigits);
        Assert.Equal("1979-05-27T07:32:00.1234567-07:00", odt.ToString());
        Assert.True(odt.TryGetDateTimeOffset(out var instant));
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 14, 32, 0, TimeSpan.Zero).AddTicks(1_234_567), instant.ToUniversalTime());

        var ldt = document.GetDateTime("ldt");
        Assert.Equal((TomlValueKind.LocalDateTime, 0, (TimeSpan?)null), (ldt.Kind, ldt.FractionDigits, ldt.Offset));
        Assert.Equal("1979-05-27T07:32:00", ldt.ToString());
        Assert.False(ldt.TryGetDateTimeOffset(out _));

        var ld = document.GetDateTime("ld");
        Assert.Equal((TomlValueKind.LocalDate, (TimeOnly?)null), (ld.Kind, ld.Time));
        Assert.Equal("1979-05-27", ld.ToString());

        var lt = document.GetDateTime("lt");
        Assert.Equal((TomlValueKind.LocalTime, (DateOnly?)null, 1), (lt.Kind, lt.Date, lt.FractionDigits));
        Assert.Equal("07:32:00.5", lt.ToString());
    }

    [Theory]
    [InlineData("d = 2023-02-29", "2023-02 has no day 29")]
    [InlineData("d = 0000-01-01", "year 0000 is not supported")]
    [InlineData("t = 23:59:60", "leap seconds are not supported")]
    [InlineData("t = 07:32", "seconds are required")]
    [InlineData("t = 07:32:00Z", "cannot have an offset")]
    [InlineData("d = 1979-05-27T07:32:00+24:00", "offset 24:00 is out of range")]
    public void Impossible_date_times_are_rejected_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(text));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(new TomlPosition(1, 5), error.Position);
    }

    [Fact]
    public void An_offset_that_DateTimeOffset_cannot_hold_is_still_read()
    {
        var value = TomlReader.Parse("d = 0001-01-01T00:00:00+23:59").GetDateTime("d");

        Assert.Equal(TimeSpan.FromMinutes((23 * 60) + 59), value.Offset);
        Assert.False(value.TryGetDateTimeOffset(out _));
    }

    [Fact]
    public void Multi_line_strings_trim_the_first_newline_join_escaped_line_ends_and_store_LF()
    {
        var document = TomlReader.Parse(
            "a = \"\"\"\r\none\r\ntwo\"\"\"\r\nb = \"\"\"x \\\r\n   \r\n  y\"\"\"\r\nc = '''\nraw\\n'''\r\n");

        Assert.Equal("one\ntwo", document.GetString("a"));
        Assert.Equal("x y", document.GetString("b"));
        Assert.Equal("raw\\n", document.GetString("c"));
    }

    [Theory]
    [InlineData("a = \"\"\"x\"\"\"\"", "x\"")]
    [InlineData("a = \"\"\"x\"\"\"\"\"", "x\"\"")]
    [InlineData("a = '''x'''''", "x''")]
    [InlineData("a = \"\"\"\"\"\"\"", "\"")]
    public void Up_to_two_quotes_may_precede_the_closing_delimiter(string text, string expected)
    {
        Assert.Equal(expected, TomlReader.Parse(text).GetString("a"));
    }

    [Fact]
    public void Escapes_produce_the_characters_they_name()
    {
        var value = TomlReader.Parse("""a = "\b\t\n\f\r\"\\\u00e9\U0001F600" """).GetString("a");

        Assert.Equal("\b\t\n\f\r\"\\é\U0001F600", value);
    }

    [Fact]
    public void Tables_keep_insertion_order_also_beyond_the_linear_search_limit()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"k{39 - i}").ToArray();
        var text = string.Join('\n', keys.Select((key, i) => $"{key} = {i}"));

        var document = TomlReader.Parse(text);

        Assert.Equal(keys, document.Keys);
        Assert.Equal(keys, document.Select(entry => entry.Key));
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, document.GetInteger(keys[i]));
        }
        Assert.False(document.ContainsKey("k40"));
    }

    [Fact]
    public void Arrays_of_tables_and_inline_tables_say_what_they_are()
    {
        var document = TomlReader.Parse("s = [{a = 1}]\n[[t]]\n[[t]]\nx = 1");

        var staticArray = document.GetArray("s");
        Assert.False(staticArray.IsArrayOfTables);
        Assert.True(staticArray.GetTable(0).IsInline);
        var arrayOfTables = document.GetArray("t");
        Assert.True(arrayOfTables.IsArrayOfTables);
        Assert.Equal(2, arrayOfTables.Count);
        Assert.False(arrayOfTables.GetTable(1).IsInline);
        Assert.Equal(1, arrayOfTables.GetTable(1).GetInteger("x"));
    }

    [Fact]
    public void Dotted_keys_build_nested_tables_in_key_order()
    {
        var document = TomlReader.Parse("a.b.c = 1\na.d = 2\n\"x.y\" = 3\n'' = 4");

        Assert.Equal(1, document.GetTable("a").GetTable("b").GetInteger("c"));
        Assert.Equal(["b", "d"], document.GetTable("a").Keys);
        Assert.Equal(3, document.GetInteger("x.y"));
        Assert.Equal(4, document.GetInteger(""));
    }

    [Fact]
    public void Keys_may_look_like_other_values()
    {
        var document = TomlReader.Parse("true = 1\n1.2 = 2\ninf = 3\n1979-05-27 = 4\n-_- = 5");

        Assert.Equal(1, document.GetInteger("true"));
        Assert.Equal(2, document.GetTable("1").GetInteger("2"));
        Assert.Equal(3, document.GetInteger("inf"));
        Assert.Equal(4, document.GetInteger("1979-05-27"));
        Assert.Equal(5, document.GetInteger("-_-"));
    }

    [Fact]
    public void Values_inside_arrays_and_inline_tables_know_their_positions()
    {
        var document = TomlReader.Parse("files = [\r\n  # c\r\n  {file = \"a\", hash = 'h'},\r\n\t7,\r\n]");

        var files = document.GetArray("files");
        var first = files.GetTable(0);
        Assert.Equal(new TomlPosition(1, 9), files.Position);
        Assert.Equal(new TomlPosition(3, 3), first.Position);
        Assert.Equal(new TomlPosition(3, 11), first.GetValue("file").Position);
        Assert.Equal(new TomlPosition(3, 23), first.GetValue("hash").Position);
        Assert.True(first.TryGetEntry("hash", out var hash));
        Assert.Equal(new TomlPosition(3, 16), hash.KeyPosition);
        Assert.Equal(new TomlPosition(4, 2), files[1].Position);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_in_bytes_and_in_text()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat("a = 1\n"u8.ToArray()).ToArray();

        Assert.Equal(1, TomlReader.Parse(bytes).GetInteger("a"));
        Assert.Equal(1, TomlReader.Parse("\uFEFFa = 1").GetInteger("a"));
        Assert.Equal(new TomlPosition(1, 1), TomlReader.Parse(bytes).TryGetEntry("a", out var entry) ? entry.KeyPosition : default);
    }

    [Fact]
    public void Empty_and_comment_only_documents_are_empty_tables()
    {
        Assert.Empty(TomlReader.Parse(""));
        Assert.Empty(TomlReader.Parse("# nothing\r\n\n   \t# here"));
    }

    [Fact]
    public void Deep_nesting_is_refused_without_exhausting_the_stack()
    {
        var text = "a = " + new string('[', 100_000);

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(text));

        Assert.Contains("nested more than", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var depth = TomlReader.MaxNesting;
        var text = "a = " + new string('[', depth) + new string(']', depth);

        TomlValue value = TomlReader.Parse(text).GetArray("a");
        for (var level = 1; level < depth; level++)
        {
            value = ((TomlArray)value)[0];
        }

        Assert.Empty((TomlArray)value);
    }
}
