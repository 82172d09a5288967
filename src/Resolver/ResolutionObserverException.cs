namespace Req2Nix.Resolver;

/// <summary>The <see cref="ResolverOptions.Observer"/> threw: the resolution was abandoned, the observer's exception is inside.</summary>
public sealed class ResolutionObserverException : Exception
{
    public ResolutionObserverException(PinnedRelease release, Exception inner)
        : base($"the resolution observer failed on {release?.Name} {release?.Version}: {inner?.Message}", inner)
    {
        Release = release;
    }

    public PinnedRelease? Release { get; }
}
