using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI.Simple;

/// <summary>A project's page on one index, read from PEP 691 JSON or PEP 503 HTML.</summary>
internal sealed record ProjectPage(IReadOnlyList<DistributionFile> Files, string? ApiVersion)
{
    /// <summary>PEP 629: a client must refuse a major version it does not know.</summary>
    public bool HasSupportedApiVersion =>
        ApiVersion is null || ApiVersion.StartsWith("1.", StringComparison.Ordinal) || ApiVersion == "1";
}
