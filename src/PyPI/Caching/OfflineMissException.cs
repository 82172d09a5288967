using Req2Nix.PyPI.Credentials;

namespace Req2Nix.PyPI.Caching;

/// <summary>Offline, and the cache lacks what was needed; the client gathers these into one error that lists them.</summary>
internal sealed class OfflineMissException : Exception
{
    public OfflineMissException(IReadOnlyList<Uri> missing)
        : base($"offline, and the cache lacks {string.Join(", ", missing.Select(UrlRedactor.Redact))}")
    {
        Missing = missing;
    }

    public OfflineMissException(Uri missing)
        : this([missing])
    {
    }

    public IReadOnlyList<Uri> Missing { get; }
}
