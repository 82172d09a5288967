namespace Req2Nix.Inputs.Requirements;

/// <summary>
/// One line as pip's <c>preprocess</c> hands it to the option parser: continuations joined, comment
/// removed, whitespace stripped, <c>${VAR}</c> expanded. <see cref="Number"/> is its first physical line.
/// </summary>
internal readonly struct LogicalLine
{
    private readonly int _firstColumn;
    private readonly LinePositionMap? _map;

    /// <summary>A line that is one physical line, starting at <paramref name="firstColumn"/> (1-based).</summary>
    public LogicalLine(string text, int number, int firstColumn)
    {
        Text = text;
        Number = number;
        _firstColumn = firstColumn;
        _map = null;
    }

    public LogicalLine(string text, int number, LinePositionMap map)
    {
        Text = text;
        Number = number;
        _firstColumn = 1;
        _map = map;
    }

    public string Text { get; }

    public int Number { get; }

    /// <summary>The physical line and 1-based column of the character at <paramref name="offset"/> of <see cref="Text"/>.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        return _map is null ? (Number, _firstColumn + offset) : _map.PositionOf(offset);
    }
}
