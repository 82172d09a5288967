using System.Text;
using Req2Nix.Packaging.Names;
using Req2Nix.Packaging.Pep440;

namespace Req2Nix.Packaging.Pep508;

/// <summary>
/// packaging's <c>canonicalize_name</c> on any text (no validation), which markers apply to
/// <c>extra</c> values and set members: Python's <c>lower()</c>, then runs of <c>-_.</c> to <c>-</c>.
/// </summary>
internal static class CanonicalName
{
    public static string Of(string text) =>
        Ascii.IsValid(text) ? PackageName.Normalize(text) : PackageName.Normalize(PythonLowercase.Lower(text));
}
