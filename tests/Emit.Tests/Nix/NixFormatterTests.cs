using System.Text;
using Req2Nix.Emit.Nix;

namespace Req2Nix.Emit.Tests.Nix;

public class NixFormatterTests
{
    private static string Binding(NixExpression value, int indent = 0)
    {
        var output = new StringBuilder();
        new NixFormatter(output).WriteBinding(new NixBinding("x", value), indent);
        return output.ToString();
    }

    private static NixList List(params string[] items) => new([.. items.Select(i => new NixRaw(i))]);

    [Fact]
    public void Empty_list_and_set_are_written_with_a_space()
    {
        Assert.Equal("x = [ ];\n", Binding(NixList.Empty));
        Assert.Equal("x = { };\n", Binding(new NixAttrSet([])));
    }

    [Fact]
    public void A_list_with_one_short_element_stays_on_the_line()
    {
        Assert.Equal("x = [ final.a ];\n", Binding(List("final.a")));
    }

    [Fact]
    public void A_list_with_several_elements_takes_one_line_each()
    {
        Assert.Equal("x = [\n  final.a\n  final.b\n];\n", Binding(List("final.a", "final.b")));
    }

    [Fact]
    public void A_list_too_long_for_the_line_breaks_even_with_one_element()
    {
        var name = "final." + new string('a', 100);
        Assert.Equal($"x = [\n  {name}\n];\n", Binding(List(name)));
    }

    [Fact]
    public void A_set_is_always_broken_and_an_application_opens_on_the_binding_line()
    {
        var value = new NixApplication(new NixRaw("fetchPypi"), new NixAttrSet([new NixBinding("pname", new NixStringLiteral("a"))]));
        Assert.Equal("  x = fetchPypi {\n    pname = \"a\";\n  };\n", Binding(value, indent: 2));
    }

    [Fact]
    public void Concatenation_puts_each_operand_after_the_first_on_its_own_line_at_the_binding_indent()
    {
        var value = new NixConcatenation([List("final.a", "final.b"), new NixRaw("final.b.optional-dependencies.x")]);
        Assert.Equal("x = [\n  final.a\n  final.b\n]\n++ final.b.optional-dependencies.x;\n", Binding(value));
    }

    [Fact]
    public void A_short_concatenation_stays_on_one_line_without_parentheses_around_applications()
    {
        var value = new NixConcatenation(
        [
            List("final.a"),
            new NixApplication(new NixApplication(new NixRaw("lib.optionals"), new NixRaw("stdenv.hostPlatform.isDarwin")), List("final.b")),
        ]);
        Assert.Equal("x = [ final.a ] ++ lib.optionals stdenv.hostPlatform.isDarwin [ final.b ];\n", Binding(value));
    }

    [Fact]
    public void List_elements_that_are_applications_are_parenthesized()
    {
        var value = new NixList([new NixApplication(new NixRaw("f"), new NixRaw("a"))]);
        Assert.Equal("x = [ (f a) ];\n", Binding(value));
    }

    [Fact]
    public void If_goes_on_the_next_line_and_chains_else_if()
    {
        var value = new NixIf(new NixRaw("c1"), new NixRaw("a"), new NixIf(new NixRaw("c2"), new NixRaw("b"), new NixRaw("d")));
        Assert.Equal("x =\n  if c1 then\n    a\n  else if c2 then\n    b\n  else\n    d;\n", Binding(value));
    }

    [Fact]
    public void Comments_come_before_the_binding_and_cannot_break_out_of_their_line()
    {
        var output = new StringBuilder();
        new NixFormatter(output).WriteBinding(new NixBinding("x", new NixRaw("1")) { Comments = ["one\nx = throw \"injected\";"] }, 2);
        Assert.Equal("  # one\\nx = throw \"injected\";\n  x = 1;\n", output.ToString());
    }
}
