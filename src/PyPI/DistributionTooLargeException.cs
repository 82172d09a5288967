using Req2Nix.Resolver.Index;

namespace Req2Nix.PyPI;

/// <summary>A distribution is larger than the caller allowed to hold in memory.</summary>
public sealed class DistributionTooLargeException : IndexException
{
    public DistributionTooLargeException(string filename, long bytes, long limit)
        : base($"{filename}: {bytes} bytes or more, above the limit of {limit} bytes")
    {
        Filename = filename;
        Limit = limit;
    }

    public string Filename { get; }

    public long Limit { get; }
}
