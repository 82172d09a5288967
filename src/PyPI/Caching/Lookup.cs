namespace Req2Nix.PyPI.Caching;

/// <summary>
/// A document's parsed value, or the index's "not found" (404, 410). A class rather than a struct:
/// the async methods and retry pipeline that return it then run the code precompiled for reference
/// types, where a struct result has each of them JIT-compiled at first use in every cold run.
/// </summary>
internal sealed class Lookup<T>
{
    private Lookup(bool found, T? value)
    {
        Found = found;
        Value = value;
    }

    public static Lookup<T> NotFound { get; } = new(false, default);

    public bool Found { get; }

    public T? Value { get; }

    public static Lookup<T> Of(T value) => new(true, value);
}
