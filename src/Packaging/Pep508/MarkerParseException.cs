namespace Req2Nix.Packaging.Pep508;

/// <summary>A marker that is not valid PEP 508 (see <see cref="Pep508ParseException"/> for the position).</summary>
public sealed class MarkerParseException : Pep508ParseException
{
    public MarkerParseException(string reason, int column)
        : base(reason, column)
    {
    }
}
