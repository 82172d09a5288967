namespace Req2Nix.PyPI.Caching;

/// <summary>A document's parsed value, or the index's "not found" (404, 410).</summary>
internal readonly record struct Lookup<T>(bool Found, T? Value)
{
    public static Lookup<T> NotFound => default;

    public static Lookup<T> Of(T value) => new(true, value);
}
