namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// The position of the hand-written PEP 508 parser in its input, with the token tests that
/// packaging's tokenizer makes (whitespace is only space and tab, word boundaries are Python's),
/// and the first error found.
/// </summary>
internal ref struct Pep508Cursor
{
    public Pep508Cursor(ReadOnlySpan<char> text)
    {
        Text = text;
    }

    public ReadOnlySpan<char> Text { get; }

    public int Position { get; set; }

    public int ErrorColumn { get; private set; }

    public string? ErrorMessage { get; private set; }

    public readonly bool AtEnd => Position >= Text.Length;

    public readonly bool Peek(char c) => Position < Text.Length && Text[Position] == c;

    public readonly bool PeekSpace => Position < Text.Length && Text[Position] is ' ' or '\t';

    /// <summary>packaging's <c>WS</c> token: <c>[ \t]+</c>. Returns whether any was skipped.</summary>
    public bool SkipSpaces()
    {
        var start = Position;
        while (Position < Text.Length && Text[Position] is ' ' or '\t')
        {
            Position++;
        }
        return Position > start;
    }

    public bool TryRead(char c)
    {
        if (!Peek(c))
        {
            return false;
        }
        Position++;
        return true;
    }

    /// <summary>Reads <c>\bword\b</c> (the BOOLOP, IN and NOT tokens).</summary>
    public bool TryReadWord(string word)
    {
        if (!Text[Position..].StartsWith(word, StringComparison.Ordinal)
            || !PythonWordCharacter.IsBoundary(Text, Position)
            || !PythonWordCharacter.IsBoundary(Text, Position + word.Length))
        {
            return false;
        }
        Position += word.Length;
        return true;
    }

    /// <summary>
    /// The length of packaging's <c>IDENTIFIER</c> token here, <c>\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b</c>,
    /// or 0. The trailing boundary gives back separators at the end: <c>name-</c> reads <c>name</c>,
    /// while <c>name_</c> reads whole (<c>_</c> is a word character).
    /// </summary>
    public readonly int MatchIdentifier()
    {
        var text = Text;
        var start = Position;
        if (start >= text.Length || !char.IsAsciiLetterOrDigit(text[start]) || !PythonWordCharacter.IsBoundary(text, start))
        {
            return 0;
        }
        var end = start + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_' or '-'))
        {
            end++;
        }
        for (; end > start; end--)
        {
            if (PythonWordCharacter.IsBoundary(text, end))
            {
                return end - start;
            }
        }
        return 0;
    }

    /// <summary>Records an error at <paramref name="column"/> and returns false, for <c>return cursor.Fail(…)</c>.</summary>
    public bool Fail(int column, string message)
    {
        ErrorColumn = column;
        ErrorMessage = message;
        return false;
    }

    /// <summary>The input before <paramref name="end"/> without trailing whitespace, shortened for a message.</summary>
    public readonly string Excerpt(int start, int end)
    {
        var text = Text[start..end].TrimEnd(" \t");
        const int Limit = 60;
        return text.Length <= Limit ? text.ToString() : string.Concat("…", text[^(Limit - 1)..]);
    }

    /// <summary>Describes what stands at <paramref name="index"/>, for messages: "end of input", "'#'", "a line break".</summary>
    public readonly string Describe(int index)
    {
        if (index >= Text.Length)
        {
            return "the end";
        }
        return Text[index] switch
        {
            '\n' or '\r' => "a line break",
            '\t' => "a tab",
            ' ' => "a space",
            '\'' => "\"'\"",
            var c when char.IsControl(c) => $"the control character U+{(int)c:X4}",
            var c => $"'{c}'",
        };
    }
}
