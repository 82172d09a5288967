using Req2Nix.Packaging.Pep508;

namespace Req2Nix.Packaging.Tests.Pep508;

/// <summary>Where a bad requirement is reported (0-based column of the offending character) and what the message says.</summary>
public class RequirementErrorTests
{
    public static TheoryData<string, int, string> Errors => new()
    {
        { "requests>=2 x", 12, "expected ',' or ';' after 'requests>=2', found 'x'" },
        { "name 1.0", 5, "expected a version operator (==, >=, …) before the version in 'name 1.0'" },
        { "name=1.0", 4, "'=' is not a version operator; write '=='" },
        { "name~=1", 4, "'~=' needs a version with at least two parts, such as '~=1.4'" },
        { "name>=", 4, "expected a version after '>='" },
        { "", 0, "expected a project name, found nothing" },
        { "_name", 0, "expected a project name (ASCII letters, digits, '.', '-', '_', starting with a letter or digit), found '_'" },
        { "name-", 4, "expected a version specifier, '[', '@' or ';' after 'name', found '-'" },
        { "name[bar baz]", 9, "expected ',' between extra names" },
        { "name[a,]", 7, "expected an extra name after ',', found ']'" },
        { "name[,a]", 5, "expected an extra name or ']' after the '[' at column 5, found ','" },
        { "name[extra", 10, "expected ',' or ']' to close the '[' at column 5, found the end" },
        { "name[x] 1", 8, "expected a version operator (==, >=, …) before the version in 'name[x] 1'" },
        { "name[x] !", 8, "expected a version specifier, '@' or ';' after 'name[x]', found '!'" },
        { "name (>=1.0", 11, "expected ')' to close the '(' at column 6, found the end" },
        { "black (>=20.*)", 11, "'.*' can only be used with '==' and '!='" },
        { "name==1.2.3.post4.*", 17, "'.*' can only follow a plain release such as '==1.2.*', not a pre-, post-, dev or local release" },
        { "name >= 1.0+local", 11, "a local version label ('+…') can only be used with '==' and '!='" },
        { "name==1.0 # comment", 10, "comments are not part of a requirement; remove the '#' and what follows" },
        { "name==1.0\n", 9, "a requirement cannot contain a line break" },
        { "name @ ", 7, "expected a URL after '@'" },
        { "name @ https://example.com/; extra == 'x'", 29, "expected ';' and a marker after the URL, found 'e'" },
        { "name;", 5, "expected a marker variable (such as python_version) or a quoted string, found the end" },
        { "name; python_version < 3.8", 23, "values in markers must be quoted: write \"3.8\"" },
        { "name; os_name = 'posix'", 14, "'=' is not a marker operator; write '=='" },
        { "name; 'a' 'b'", 10, "expected a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in), found \"'\"" },
        { "name; '3.7' not python_version", 16, "expected 'in' after 'not', found 'p'" },
        { "name; os_name == 'posix')", 24, "this ')' closes no '('" },
        { "name; (os_name == 'posix'", 25, "expected ')' to close the '(' at column 7, found the end" },
        { "name; python_version >= '3' AND os_name == 'nt'", 28, "'and' and 'or' must be written in lower case" },
        { "name; python_version >= '3' && os_name == 'nt'", 28, "'&&' is not a marker operator; write 'and'" },
        { "name; os_name == 'posix", 17, "this string is never closed: add a ' at its end" },
        { "name; os_name == \"\\x\"", 18, "'\\x' must be followed by 2 hexadecimal digits" },
        { "name; os_name == \"C:\\\"", 20, "the string is not closed: its last quote is escaped by '\\'" },
        { "name; os_name == 'a\nb'", 19, "a string cannot contain a line break" },
    };

    public static TheoryData<string> UnknownVariables => new() { "name; invalid_name == 'x'", "name; os_nam == 'x'", "name; python_versions > '3'" };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Error_points_at_the_offending_character_and_says_why(string input, int column, string message)
    {
        Assert.False(Requirement.TryParse(input, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);

        var thrown = Assert.Throws<RequirementParseException>(() => Requirement.Parse(input));
        Assert.Equal(column, thrown.Column);
        Assert.Equal(message, thrown.Reason);
        Assert.Equal($"column {column + 1}: {message}", thrown.Message);
        Assert.IsAssignableFrom<FormatException>(thrown);
    }

    [Theory]
    [MemberData(nameof(UnknownVariables))]
    public void Unknown_marker_variable_is_named(string input)
    {
        Assert.False(Requirement.TryParse(input, out _, out var error));
        Assert.Equal(6, error.Column);
        Assert.StartsWith($"'{input[6..input.IndexOf(' ', 6)]}' is not a marker variable; expected one of os_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_version_in_a_clause_is_reported_at_the_clause()
    {
        Assert.False(Requirement.TryParse("demo===x,y", out _, out var error));
        Assert.InRange(error.Column, 4, 9);
        Assert.Contains("'y'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_no_requirement()
    {
        Assert.False(Requirement.TryParse(null, out var requirement, out var error));
        Assert.Null(requirement);
        Assert.Equal(0, error.Column);
        Assert.Throws<ArgumentNullException>(() => Requirement.Parse(null!));
    }

    [Fact]
    public void Long_input_is_shortened_in_the_message()
    {
        var input = "name>=1.0," + string.Join(",", Enumerable.Range(0, 30).Select(i => $"!=1.{i}")) + " x";
        Assert.False(Requirement.TryParse(input, out _, out var error));
        Assert.Equal(input.Length - 1, error.Column);
        Assert.StartsWith("expected ',' or ';' after '…", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 120, error.Message);
    }
}
