using Req2Nix.Packaging.Distributions;

namespace Req2Nix.Inputs.Locks;

/// <summary>
/// The download URL of a file on PyPI when only its name is known (poetry.lock records names and
/// hashes, not URLs): PyPI's stable redirect path,
/// <c>https://files.pythonhosted.org/packages/{source|python tag}/{first letter}/{name}/{filename}</c>,
/// the URL nixpkgs' <c>fetchPypi</c> computes, with the project name spelled as in the filename.
/// </summary>
internal static class PypiFileUrl
{
    private const string Base = "https://files.pythonhosted.org/packages/";

    public static string For(DistributionFilename file) => file switch
    {
        WheelFilename wheel => $"{Base}{string.Join('.', wheel.PythonTags)}/{wheel.NameText[0]}/{wheel.NameText}/{wheel.Filename}",
        _ => $"{Base}source/{file.NameText[0]}/{file.NameText}/{file.Filename}",
    };

    /// <summary>Whether an index URL is PyPI's (its simple or JSON API), whose files have <see cref="For(DistributionFilename)"/> URLs.</summary>
    public static bool IsPypi(string? indexUrl) =>
        indexUrl is null
        || (Uri.TryCreate(indexUrl, UriKind.Absolute, out var uri)
            && (uri.Host.Equals("pypi.org", StringComparison.OrdinalIgnoreCase)
                || uri.Host.Equals("pypi.python.org", StringComparison.OrdinalIgnoreCase)
                || uri.Host.Equals("files.pythonhosted.org", StringComparison.OrdinalIgnoreCase)));
}
