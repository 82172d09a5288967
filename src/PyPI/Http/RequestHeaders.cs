namespace Req2Nix.PyPI.Http;

/// <summary>The per-request headers the client sets: content negotiation and the validators of a cached copy.</summary>
internal readonly record struct RequestHeaders(string? Accept = null, string? IfNoneMatch = null, string? IfModifiedSince = null)
{
    /// <summary>PEP 691: JSON preferred, HTML accepted.</summary>
    public const string SimpleApiAccept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    public const string JsonAccept = "application/json";
}
