namespace Req2Nix.Packaging.Distributions;

/// <summary>A file name that is not a wheel or sdist name req2nix can read.</summary>
public sealed class InvalidFilenameException : FormatException
{
    public InvalidFilenameException(string filename, string reason, int column)
        : base(FilenameProblem.Format(filename, reason, column))
    {
        Filename = filename;
        Reason = reason;
        Column = column;
    }

    public string Filename { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The one-based column in <see cref="Filename"/> where the problem is.</summary>
    public int Column { get; }
}
