using Req2Nix.Packaging.Names;

namespace Req2Nix.Packaging.Tests.Names;

public class PackageNameTests
{
    [Theory]
    // PEP 503's own examples: all of these are one project.
    [InlineData("friendly-bard", "friendly-bard")]
    [InlineData("Friendly-Bard", "friendly-bard")]
    [InlineData("FRIENDLY-BARD", "friendly-bard")]
    [InlineData("friendly.bard", "friendly-bard")]
    [InlineData("friendly_bard", "friendly-bard")]
    [InlineData("friendly--bard", "friendly-bard")]
    [InlineData("FrIeNdLy-._.-bArD", "friendly-bard")]
    [InlineData("Django", "django")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("ruamel.yaml.clib", "ruamel-yaml-clib")]
    [InlineData("typing_extensions", "typing-extensions")]
    [InlineData("PyYAML", "pyyaml")]
    [InlineData("3to2", "3to2")]
    [InlineData("a", "a")]
    // Normalization alone does not validate.
    [InlineData("__init__", "-init-")]
    [InlineData("", "")]
    public void Normalize_lowercases_and_collapses_separator_runs(string name, string expected)
    {
        Assert.Equal(expected, PackageName.Normalize(name));
        Assert.Equal(expected, PackageName.Normalize(name.AsSpan()));
        Span<char> buffer = stackalloc char[name.Length];
        Assert.Equal(expected, new string(buffer[..PackageName.Normalize(name, buffer)]));
        Assert.Equal(expected == name, PackageName.IsNormalized(name));
    }

    [Fact]
    public void Normalize_returns_an_already_normalized_string_itself_without_allocating()
    {
        const string Name = "typing-extensions";
        _ = PackageName.Normalize(Name);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var normalized = PackageName.Normalize(Name);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(Name, normalized);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Normalize_into_a_buffer_does_not_allocate()
    {
        Span<char> buffer = stackalloc char[64];
        _ = PackageName.Normalize("Zope.Interface", buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var written = PackageName.Normalize("Zope.Interface", buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("zope-interface", new string(buffer[..written]));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Normalize_of_a_long_name_uses_a_pooled_buffer()
    {
        var name = string.Concat(Enumerable.Repeat("Ab_", 200)) + "c";
        var expected = string.Concat(Enumerable.Repeat("ab-", 200)) + "c";

        Assert.Equal(expected, PackageName.Normalize(name.AsSpan()));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("a1")]
    [InlineData("3to2")]
    [InlineData("zope.interface")]
    [InlineData("x_y-z")]
    [InlineData("a--b")]
    public void Valid_names_parse_to_their_normalized_form(string name)
    {
        var parsed = PackageName.Parse(name);

        Assert.Equal(PackageName.Normalize(name), parsed.ToString());
        Assert.Equal(parsed, PackageName.Parse(name.AsSpan()));
        Assert.True(PackageName.TryParse(name, out var tried));
        Assert.Equal(parsed, tried);
        Assert.True(PackageName.TryParse(name.AsSpan(), out tried));
        Assert.Equal(parsed, tried);
        Assert.True(PackageName.IsValid(name));
    }

    [Theory]
    [InlineData("", 1, "project name is empty")]
    [InlineData("-foo", 1, "starts with '-'")]
    [InlineData("foo.", 4, "ends with '.'")]
    [InlineData("_", 1, "starts with '_'")]
    [InlineData("foo bar", 4, "contains U+0020")]
    [InlineData("foö", 3, "contains 'ö'")]
    [InlineData("foo!", 4, "contains '!'")]
    [InlineData("requests[socks]", 9, "contains '['")]
    [InlineData("a\tb", 2, "contains U+0009")]
    public void Invalid_names_are_rejected_with_the_column_of_the_problem(string name, int column, string reason)
    {
        var error = Assert.Throws<InvalidNameException>(() => PackageName.Parse(name));

        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.False(PackageName.TryParse(name, out var result));
        Assert.Equal(default, result);
        Assert.False(PackageName.IsValid(name));
    }

    [Fact]
    public void TryParse_of_null_fails()
    {
        Assert.False(PackageName.TryParse((string?)null, out _));
    }

    [Fact]
    public void Spellings_of_one_project_are_equal_and_hash_alike()
    {
        var a = PackageName.Parse("Zope.Interface");
        var b = PackageName.Parse("zope_interface");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, PackageName.Parse("zope-interfaces"));
    }

    [Fact]
    public void Names_order_ordinally_by_their_normalized_form()
    {
        var names = new[] { "b", "A0", "a-b", "a", "Ab" }.Select(PackageName.Parse).ToList();

        names.Sort();

        Assert.Equal(["a", "a-b", "a0", "ab", "b"], names.Select(n => n.Value));
        Assert.True(PackageName.Parse("a") < PackageName.Parse("b"));
        Assert.True(PackageName.Parse("b") >= PackageName.Parse("B"));
        Assert.True(PackageName.Parse("b") > PackageName.Parse("a-b"));
        Assert.True(PackageName.Parse("a") <= PackageName.Parse("a"));
    }

    [Theory]
    [InlineData("zope.interface", "zope_interface")]
    [InlineData("Typing-Extensions", "typing_extensions")]
    [InlineData("a-_.b", "a_b")]
    [InlineData("pyyaml", "pyyaml")]
    public void The_filename_form_uses_underscores(string name, string expected)
    {
        Assert.Equal(expected, PackageName.Parse(name).ToFilenameForm());
        Assert.Equal(expected, PackageName.NormalizeForFilename(name));
    }

    [Theory]
    [InlineData("zope-interface", "Zope.Interface", true)]
    [InlineData("zope-interface", "zope__interface", true)]
    [InlineData("zope-interface", "zope-interfac", false)]
    [InlineData("zope-interface", "zope-interface-", false)]
    [InlineData("zope-interface", "zopeinterface", false)]
    [InlineData("a", "", false)]
    public void IsSpelledBy_compares_a_spelling_with_the_name(string name, string spelling, bool expected)
    {
        Assert.Equal(expected, PackageName.Parse(name).IsSpelledBy(spelling));
    }

    [Fact]
    public void The_default_value_prints_as_empty()
    {
        Assert.Equal(string.Empty, default(PackageName).ToString());
        Assert.Equal(default, default(PackageName));
    }
}
