using System.Diagnostics.CodeAnalysis;
using Req2Nix.Packaging.Distributions;
using Req2Nix.Resolver.Index;

namespace Req2Nix.Resolver.Solving;

/// <summary>Turns a direct URL (<c>name @ https://…/name-1.0.tar.gz#sha256=…</c>) into the file the index port can read.</summary>
internal static class DirectFiles
{
    public static bool TryCreate(
        ArchiveSource source,
        [NotNullWhen(true)] out DistributionFile? file,
        [NotNullWhen(true)] out DistributionFilename? filename,
        [NotNullWhen(false)] out string? problem)
    {
        file = null;
        filename = null;
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "file"))
        {
            problem = $"'{source.Url}' is not an http(s) or file URL";
            return false;
        }
        var withoutFragment = new UriBuilder(uri) { Fragment = string.Empty }.Uri;
        var name = Uri.UnescapeDataString(withoutFragment.AbsolutePath.Split('/')[^1]);
        if (!DistributionFilename.TryParse(name, null, out filename, out var reason))
        {
            problem = $"'{source.Url}' does not name a wheel or sdist: {reason}";
            return false;
        }
        file = new DistributionFile(name, withoutFragment) { Sha256 = source.Sha256 };
        problem = null;
        return true;
    }
}
