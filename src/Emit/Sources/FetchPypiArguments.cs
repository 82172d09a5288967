using Req2Nix.Emit.Nix;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Packaging.Names;
using Req2Nix.Resolver;

namespace Req2Nix.Emit.Sources;

/// <summary>
/// The arguments of nixpkgs' <c>fetchPypi</c> for a file on PyPI, when it computes exactly that
/// file's name. fetchPypi builds <c>mirror://pypi/{p[0]}/{p}/{p}-{version}.{extension}</c> for an
/// sdist and <c>https://files.pythonhosted.org/packages/{dist}/{p[0]}/{p}/{p}-{version}-{python}-{abi}-{platform}.whl</c>
/// for a wheel (<c>mirror://pypi/</c> is <c>https://files.pythonhosted.org/packages/source/</c>);
/// PyPI serves a file at such a path only when the last segment is its real name. So <c>pname</c>
/// and <c>version</c> are the name and version exactly as the file name spells them
/// (<c>typing_extensions</c>, <c>Twisted</c>, <c>zope.interface</c>, <c>2015.04.28</c>), not the
/// PEP 503 name or the normalized version, and the wheel's tags are its own (<c>dist</c> is its
/// python tag, PyPI's <c>python_version</c> for a wheel). A file hosted elsewhere, a wheel with a
/// build tag, or a file name fetchPypi cannot spell gets none: it is fetched by URL.
/// </summary>
internal static class FetchPypiArguments
{
    public const string Host = "files.pythonhosted.org";

    /// <summary>The arguments, <c>hash</c> included, or null when the file must be fetched by URL.</summary>
    public static NixAttrSet? For(ResolvedFile file, PackageName project)
    {
        if (!IsOnPypi(file))
        {
            return null;
        }
        var hash = new NixBinding("hash", new NixStringLiteral(file.Sha256.ToSri()));
        if (file.IsWheel)
        {
            if (!WheelFilename.TryParse(file.Filename, out var wheel) || wheel.BuildTag is not null || wheel.Name != project)
            {
                return null;
            }
            // The tags exactly as written (the parsed ones are lower-cased).
            var parts = file.Filename[..^WheelFilename.WheelExtension.Length].Split('-');
            string pname = parts[0], version = parts[1], python = parts[2], abi = parts[3], platform = parts[4];
            if ($"{pname}-{version}-{python}-{abi}-{platform}.whl" != file.Filename)
            {
                return null;
            }
            return new NixAttrSet(
            [
                String("pname", pname),
                String("version", version),
                String("format", "wheel"),
                String("dist", python),
                String("python", python),
                String("abi", abi),
                String("platform", platform),
                hash,
            ]);
        }
        if (!SdistFilename.TryParse(file.Filename, project, out var sdist))
        {
            return null;
        }
        var extension = sdist.Extension[1..];
        if ($"{sdist.NameText}-{sdist.VersionText}.{extension}" != file.Filename || sdist.NameText.Length == 0)
        {
            return null;
        }
        var bindings = new List<NixBinding> { String("pname", sdist.NameText), String("version", sdist.VersionText) };
        if (extension != "tar.gz")
        {
            bindings.Add(String("extension", extension));
        }
        bindings.Add(hash);
        return new NixAttrSet(bindings);
    }

    /// <summary>True when the file's URL is an https URL on PyPI's file host whose last path segment is the file's name.</summary>
    public static bool IsOnPypi(ResolvedFile file)
    {
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttps
            || !string.Equals(url.Host, Host, StringComparison.OrdinalIgnoreCase)
            || !url.IsDefaultPort
            || url.UserInfo.Length > 0)
        {
            return false;
        }
        var path = url.AbsolutePath;
        var last = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return path.StartsWith("/packages/", StringComparison.Ordinal) && last == file.Filename;
    }

    private static NixBinding String(string name, string value) => new(name, new NixStringLiteral(value));
}
