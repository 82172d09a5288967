using System.Text;
using System.Text.Json;
using Req2Nix.Emit.Nix;
using Req2Nix.Tests.Shared;

namespace Req2Nix.Emit.Tests.Nix;

/// <summary>Hands what the writer produced to Nix itself: the value must come back exactly.</summary>
public class NixEvaluationTests
{
    /// <summary>Text an index could send to break out of a string or run Nix code.</summary>
    public static TheoryData<string> HostileStrings() =>
    [
        "\"; builtins.abort \"x",
        "\"; builtins.abort \"x\"; \"",
        "${builtins.currentTime}",
        "${builtins.abort \"x\"}",
        "\\${x}",
        "\\\\${x}",
        "$${x}",
        "$$${x}",
        "$",
        "$$",
        "a$",
        "${",
        "$\\{x}",
        "$\\",
        "\\",
        "ends with a backslash\\",
        "\\\"",
        "''",
        "''${x}",
        "'''",
        "''\\n",
        "line one\nline two",
        "crlf\r\nline",
        "lone cr\rhere",
        "tab\there",
        "\u001b[31mred\u001b[0m",
        "\u0001\u007f",
        "zoë, Ünïcödé, 日本語, 😀",
        "\u00a0\u2028\u2029\ufeff",
        "# not a comment",
        "/* not a comment */",
        "rec { } // with builtins; inherit",
        "http://example.org/a?b=c#d",
        " leading and trailing spaces ",
        "",
    ];

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(HostileStrings))]
    public void A_quoted_string_evaluates_to_itself(string value)
    {
        Assert.Equal(value, Evaluate(NixString.Quote(value)));
    }

    [NixTheory("nix-instantiate")]
    [MemberData(nameof(HostileStrings))]
    public void An_attribute_name_reads_back_as_itself(string value)
    {
        var expression = new StringBuilder("builtins.attrNames { ");
        NixIdentifier.AppendAttrName(expression, value);
        expression.Append(" = 1; }");

        Assert.Equal(value, Evaluate($"builtins.head ({expression})"));
    }

    [NixTheory("nix-instantiate")]
    [InlineData("requests")]
    [InlineData("typing-extensions")]
    [InlineData("x'")]
    [InlineData("3to2")]
    [InlineData("zope.interface")]
    [InlineData("or")]
    [InlineData("inherit")]
    [InlineData("let")]
    public void Package_attribute_names_evaluate(string name)
    {
        Assert.Equal(name, Evaluate($"builtins.head (builtins.attrNames {{ {NixIdentifier.AttrName(name)} = 1; }})"));
    }

    private static string Evaluate(string expression)
    {
        var json = NixTools.Run("nix-instantiate", "--eval", "--strict", "--json", "-E", expression);
        return JsonSerializer.Deserialize<string>(json) ?? throw new InvalidOperationException($"nix printed {json}");
    }
}
