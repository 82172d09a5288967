using Req2Nix.Packaging.Text;
using Xunit;

namespace Req2Nix.Packaging.Tests.Text;

public class AsciiSetTests
{
    [Theory]
    [InlineData("", "abc", -1)]
    [InlineData("\\\n\r\0", "plain text", -1)]
    [InlineData("\\\n\r\0", "a\\b", 1)]
    [InlineData("\\\n\r\0", "nul\0", 3)]
    [InlineData("\\\n\r\0", "\u00e9\u20ac\r", 2)]
    [InlineData("?@", "\u0080\u00bf\u0100?", 3)]
    [InlineData("\u007f", "abc\u007f", 3)]
    public void IndexOfAny_finds_the_first_member(string members, string text, int expected) =>
        Assert.Equal(expected, new AsciiSet(members).IndexOfAny(text));

    [Theory]
    [InlineData("0123456789abcdef", "", -1)]
    [InlineData("0123456789abcdef", "00ff", -1)]
    [InlineData("0123456789abcdef", "00fF", 3)]
    [InlineData("0123456789abcdef", "0a\uff10", 2)]
    [InlineData("0123456789abcdef", "0a\u0660", 2)]
    [InlineData("ab", "ab\u0161", 2)]
    public void IndexOfAnyExcept_finds_the_first_character_outside(string members, string text, int expected)
    {
        var set = new AsciiSet(members);
        Assert.Equal(expected, set.IndexOfAnyExcept(text));
        Assert.Equal(expected >= 0, set.ContainsAnyExcept(text));
    }

    [Fact]
    public void Every_ascii_character_is_a_member_of_a_set_of_all_of_them_and_nothing_else_is()
    {
        var all = new AsciiSet(new string(Enumerable.Range(0, 128).Select(i => (char)i).ToArray()));
        var none = new AsciiSet("");
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(c < 128, all.Contains((char)c));
            Assert.False(none.Contains((char)c));
        }
    }

    [Theory]
    [InlineData(" \t\r\n\\'\"", '\'', 'a')]
    [InlineData("0123456789abcdef", 'f', 'F')]
    [InlineData("0123456789abcdef", '0', '\u0660')]
    [InlineData("ab", 'a', '\u0161')]
    [InlineData("", 'x', 'y')] // no member at all: 'x' stands for one
    public void Long_and_short_texts_are_searched_alike(string members, char member, char other)
    {
        // From 32 characters on a text takes the vectorized path: every length and position on both sides of it.
        var set = new AsciiSet(members);
        for (var length = 0; length <= 80; length++)
        {
            for (var at = -1; at < length; at++)
            {
                foreach (var (filler, odd) in new[] { (member, other), (other, member) })
                {
                    var text = new string(filler, length).ToCharArray();
                    if (at >= 0)
                    {
                        text[at] = odd;
                    }
                    Assert.Equal(Reference(set, text, wanted: true), set.IndexOfAny(text));
                    Assert.Equal(Reference(set, text, wanted: false), set.IndexOfAnyExcept(text));
                }
            }
        }
    }

    [Fact]
    public void A_member_beyond_ascii_is_refused() =>
        Assert.Contains("U+00E9", Assert.Throws<ArgumentException>(() => new AsciiSet("ab\u00e9")).Message, StringComparison.Ordinal);

    private static int Reference(AsciiSet set, char[] text, bool wanted)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (set.Contains(text[i]) == wanted)
            {
                return i;
            }
        }
        return -1;
    }
}
