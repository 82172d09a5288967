using System.Text;

namespace Req2Nix.Inputs.Toml;

/// <summary>One part of a possibly dotted key (<c>a</c>, <c>"b c"</c> in <c>a."b c" = 1</c>), with its position.</summary>
internal readonly record struct TomlKeySegment(string Name, TomlPosition Position)
{
    /// <summary>The first <paramref name="count"/> segments as TOML writes them: <c>a."b c"</c>.</summary>
    public static string Format(ReadOnlySpan<TomlKeySegment> key, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }
            AppendKey(text, key[i].Name);
        }
        return text.ToString();
    }

    private static void AppendKey(StringBuilder text, string name)
    {
        if (TomlSyntax.IsBareKey(name))
        {
            text.Append(name);
            return;
        }
        text.Append('"');
        foreach (var c in name)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < 0x20 || c == 0x7F)
            {
                text.Append($"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }
        text.Append('"');
    }
}
