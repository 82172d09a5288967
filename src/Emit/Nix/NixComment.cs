using System.Text;

namespace Req2Nix.Emit.Nix;

/// <summary>
/// Writes <c># …</c> comment lines. A comment ends at a line break, so outside text in a comment
/// (a file name, a command) could start a line of Nix code: line breaks and other control
/// characters are written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\u{XXXX}</c> instead.
/// </summary>
internal static class NixComment
{
    /// <summary>Appends <c>#</c>, a space when <paramref name="text"/> is not empty, the text made safe, and a line feed.</summary>
    public static void AppendLine(StringBuilder builder, int indent, string text)
    {
        builder.Append(' ', indent).Append('#');
        if (text.Length > 0)
        {
            builder.Append(' ');
            AppendSafe(builder, text);
        }
        builder.Append('\n');
    }

    /// <summary>The text with every control character written as an escape, so it stays on one line.</summary>
    public static string MakeSafe(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 8);
        AppendSafe(builder, text);
        return builder.ToString();
    }

    private static void AppendSafe(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n' or '\r' or '\t':
                    builder.Append(NixString.LineEscape(c));
                    break;
                case < ' ' or '\u007f':
                    builder.Append("\\u{").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('}');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }
}
