namespace Req2Nix.Packaging.Pep508;

/// <summary>A requirement that is not valid PEP 508 (see <see cref="Pep508ParseException"/> for the position).</summary>
public sealed class RequirementParseException : Pep508ParseException
{
    public RequirementParseException(string reason, int column)
        : base(reason, column)
    {
    }
}
