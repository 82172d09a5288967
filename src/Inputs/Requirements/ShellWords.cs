using System.Text;

namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// Python's <c>shlex.split(text)</c> (POSIX mode, no comments), which pip applies to the options
/// part of a line: words split on space, tab, CR and LF; <c>'…'</c> quotes literally; <c>"…"</c>
/// quotes with <c>\</c> escaping only <c>"</c> and <c>\</c>; <c>\</c> outside quotes escapes the next
/// character. Each word keeps the offset where it starts, for error positions.
/// </summary>
internal static class ShellWords
{
    public static List<ShellWord> Split(string text, int baseOffset, out LineProblem? error)
    {
        var words = new List<ShellWord>();
        var token = new StringBuilder();
        var i = 0;
        error = null;
        while (true)
        {
            while (i < text.Length && IsWhitespace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                return words;
            }
            var start = i;
            token.Clear();
            while (i < text.Length && !IsWhitespace(text[i]))
            {
                var c = text[i];
                if (c == '\\')
                {
                    if (i + 1 >= text.Length)
                    {
                        error = new LineProblem(baseOffset + i, "a '\\' at the end has nothing to escape");
                        return words;
                    }
                    token.Append(text[i + 1]);
                    i += 2;
                }
                else if (c == '\'')
                {
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = new LineProblem(baseOffset + i, "this quote is never closed");
                        return words;
                    }
                    token.Append(text, i + 1, close - i - 1);
                    i = close + 1;
                }
                else if (c == '"')
                {
                    var quote = i;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            error = new LineProblem(baseOffset + quote, "this quote is never closed");
                            return words;
                        }
                        if (text[i] == '"')
                        {
                            i++;
                            break;
                        }
                        if (text[i] == '\\')
                        {
                            if (i + 1 >= text.Length)
                            {
                                error = new LineProblem(baseOffset + quote, "this quote is never closed");
                                return words;
                            }
                            var escaped = text[i + 1];
                            if (escaped != '"' && escaped != '\\')
                            {
                                token.Append('\\');
                            }
                            token.Append(escaped);
                            i += 2;
                            continue;
                        }
                        token.Append(text[i]);
                        i++;
                    }
                }
                else
                {
                    token.Append(c);
                    i++;
                }
            }
            words.Add(new ShellWord(token.ToString(), baseOffset + start));
        }
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}

/// <summary>A word of a shell-split options string and the offset in the line where it starts.</summary>
internal readonly record struct ShellWord(string Text, int Offset);
