namespace Req2Nix.Packaging.Distributions;

/// <summary>Why a file name was not read, and where: what the parsers return before deciding whether to throw.</summary>
internal sealed record FilenameProblem(string Filename, string Reason, int Column)
{
    public string Message => Format(Filename, Reason, Column);

    public static string Format(string filename, string reason, int column) => $"'{filename}', column {column}: {reason}";

    public InvalidFilenameException ToException() => new(Filename, Reason, Column);

    /// <summary>Checks a version's text: letters, digits and the separators PEP 440 spellings use.</summary>
    public static FilenameProblem? CheckVersionText(string filename, int start, int length, bool allowDash)
    {
        if (length == 0)
        {
            return new(filename, "the version is empty", start + 1);
        }
        for (var i = start; i < start + length; i++)
        {
            var c = filename[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '+' or '!') && !(allowDash && c == '-'))
            {
                return new(filename, $"{Describe(c)} cannot appear in a version", i + 1);
            }
        }
        return null;
    }

    public static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
