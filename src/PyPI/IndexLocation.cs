using Req2Nix.Packaging.Names;
using Req2Nix.PyPI.Credentials;

namespace Req2Nix.PyPI;

/// <summary>
/// One configured index: its simple API root (credentials removed, ending in <c>/</c>), and where
/// its JSON API is — the sibling <c>/pypi/</c> of a root ending in <c>/simple/</c>, as on PyPI and
/// its mirrors — and whether that turned out not to exist.
/// </summary>
internal sealed class IndexLocation
{
    private int _jsonApiState;

    public IndexLocation(Uri simpleUrl)
    {
        if (!simpleUrl.IsAbsoluteUri || simpleUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"an index URL must be an absolute http(s) URL: '{UrlRedactor.Redact(simpleUrl)}'", nameof(simpleUrl));
        }
        SimpleUrl = simpleUrl.AbsolutePath.EndsWith('/') ? simpleUrl : new Uri(simpleUrl.AbsoluteUri + "/");
        var path = SimpleUrl.AbsolutePath;
        if (path.EndsWith("/simple/", StringComparison.Ordinal))
        {
            JsonApiUrl = new Uri(SimpleUrl, "../pypi/");
        }
    }

    public Uri SimpleUrl { get; }

    /// <summary>The JSON API root (<c>…/pypi/</c>), or null when this index has none.</summary>
    public Uri? JsonApiUrl { get; }

    /// <summary>False once the JSON API answered "not found" before it ever answered a document.</summary>
    public bool HasJsonApi => JsonApiUrl is not null && Volatile.Read(ref _jsonApiState) >= 0;

    public string Display => UrlRedactor.Redact(SimpleUrl);

    /// <summary>PEP 503: <c>{root}{normalized name}/</c>.</summary>
    public Uri ProjectUrl(PackageName name) => new(SimpleUrl, name.Value + "/");

    /// <summary><c>{json api}/{name}/{version}/json</c>, or null without a JSON API.</summary>
    public Uri? ReleaseDocumentUrl(PackageName name, string version) =>
        HasJsonApi ? new Uri(JsonApiUrl!, $"{name.Value}/{Uri.EscapeDataString(version)}/json") : null;

    public void JsonApiAnswered() => Interlocked.CompareExchange(ref _jsonApiState, 1, 0);

    /// <summary>A "not found" from the JSON API: it does not exist when it never answered before.</summary>
    public void JsonApiMissed() => Interlocked.CompareExchange(ref _jsonApiState, -1, 0);

    /// <summary>The JSON API kept failing: it is not asked again in this run (it only saves downloads).</summary>
    public void JsonApiFailed() => Volatile.Write(ref _jsonApiState, -1);
}
